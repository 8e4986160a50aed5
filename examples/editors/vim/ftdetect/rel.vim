" rel journals: plain-text relationship journals (see rel-journal(5)).
autocmd BufNewFile,BufRead *.rel setfiletype rel
