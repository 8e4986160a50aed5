;;; rel-mode.el --- Major mode for rel relationship journals -*- lexical-binding: t; -*-

;; Keywords: languages
;; Package-Requires: ((emacs "25.1"))

;;; Commentary:

;; Highlighting for rel journals (*.rel; see rel-journal(5)): comments,
;; entry heads (date, time, kind, subject), directives, key:value
;; attributes of the format's keys (the rating letters on rate entries
;; only; keys a journal declares with `option keys' are shown as text),
;; +tags, "quoted" titles, indented `key: value' lines and left-over merge
;; conflict markers.  As in format 1.1, other words are title text: re:,
;; URLs, +1 and ;) are not highlighted as structure.  M-x rel-check runs
;; `rel-parse --check' through `compile', so that \\[next-error] visits
;; each error, on the journal the file belongs to: a journal may be many
;; files joined by include lines, and a file of it alone may name contacts
;; and refs that another declares.  That journal is `rel-journal' when
;; set (in .dir-locals.el, say), else the nearest root journal (see
;; `rel-journal-root'), else the file itself.  `compile-command' is set to
;; the same command.
;;
;;   (add-to-list 'load-path "/path/to/rel/examples/editors/emacs")
;;   (require 'rel-mode)

;;; Code:

(require 'compile)
(require 'seq)

(defgroup rel nil
  "Editing rel relationship journals."
  :group 'text)

(defcustom rel-parse-program "rel-parse"
  "The rel-parse program that `rel-check' runs."
  :type 'string)

(defcustom rel-journal nil
  "The journal that `rel-check' checks, or nil to look for it.
A file name, relative to the directory of the buffer's file, or
absolute.  When nil, the journal is the nearest root journal that
includes the buffer's file (see `rel-journal-root'), else the file
itself.  Set it as a file local variable, or for a directory in
.dir-locals.el, as in
  ((rel-mode . ((rel-journal . \"../journal.rel\"))))"
  :type '(choice (const :tag "Look for it" nil) file)
  :safe #'stringp)

(defconst rel-kinds
  '("meeting" "call" "visit" "email" "message" "note" "promise" "kept"
    "broken" "moved" "ended" "issue" "told" "resolved" "request" "answered"
    "feedback" "deal" "referral" "rate" "status" "snooze")
  "The entry kinds of a rel journal.")

(eval-and-compile
  (defconst rel-keys
    '("id" "due" "learned" "until" "since" "cadence" "sla" "feedback-every"
      "every" "planned" "actual" "outcome" "by" "purpose" "ours" "status"
      "severity" "score" "amount" "currency" "to" "kind" "org" "owner" "tier"
      "birthday" "anniversary" "expects" "likes")
    "The attribute keys that rel-journal(5) defines, but the rating letters.")
  (defconst rel--date "\\([0-9]\\{4\\}-[0-9]\\{2\\}-[0-9]\\{2\\}\\)")
  (defconst rel--time "\\(?:[ \t]+\\([0-9]\\{2\\}:[0-9]\\{2\\}\\)\\)?")
  (defconst rel--id "[A-Za-z0-9][A-Za-z0-9._-]*")
  (defconst rel--string "\"\\(?:[^\"\\\n]\\|\\\\.\\)*\""
    "A quoted title part or value, with \\\" and \\\\ escapes."))

(defconst rel-font-lock-keywords
  `(("^\\(?:[<>|]\\{7\\}\\|=\\{7\\}\\)\\(?:[ \t].*\\)?$" 0 'error t)
    ;; DATE [HH:MM] KIND SUBJECT, then an unknown kind as a warning.
    (,(concat "^" rel--date rel--time
              "\\(?:[ \t]+\\(" (regexp-opt rel-kinds) "\\)"
              "\\(?:[ \t]+\\(" rel--id "\\(?:," rel--id "\\)*\\)\\)?"
              "\\(?:[ \t]\\|$\\)\\)?")
     (1 'font-lock-constant-face)
     (2 'font-lock-constant-face nil t)
     (3 'font-lock-keyword-face nil t)
     (4 'font-lock-variable-name-face nil t))
    (,(concat "^" rel--date rel--time "[ \t]+\\([^ \t\n]+\\)")
     3 'font-lock-warning-face)
    ;; Directives.
    (,(concat "^\\(contact\\)[ \t]+\\(" rel--id "\\)")
     (1 'font-lock-preprocessor-face) (2 'font-lock-variable-name-face))
    ("^\\(include\\)[ \t]+\\([^ \t\n]+\\)"
     (1 'font-lock-preprocessor-face) (2 'font-lock-string-face))
    ("^\\(option\\)[ \t]+\\([a-z][a-z0-9-]*\\)"
     (1 'font-lock-preprocessor-face) (2 'font-lock-variable-name-face))
    ;; The words of a column-0 line: key:value, +tag, "quoted".
    ("^[^ \t\n;#]"
     (,(concat "[ \t]\\(?:\\(" (regexp-opt rel-keys) ":\\)"
               "\\(?:\\(" rel--string "\\)\\|[^ \t\n]\\)"
               "\\|\\(\\+[[:alpha:]][^ \t\n\"]*\\)"
               "\\|\\(" rel--string "\\)\\)")
      nil nil
      (1 'font-lock-type-face nil t)
      (2 'font-lock-string-face nil t)
      (3 'font-lock-builtin-face nil t)
      (4 'font-lock-string-face nil t)))
    ;; The rating letters, on rate entries.
    (,(concat "^" rel--date rel--time "[ \t]+rate[ \t]")
     ("[ \t]\\([IMBWPHE]:\\)[^ \t\n]" nil nil (1 'font-lock-type-face)))
    ;; Indented `key: value' attributes.
    ("^[ \t]+\\([a-z][a-z0-9-]*\\|[IMBWPHE]\\):[ \t]+[^ \t\n]"
     1 'font-lock-type-face))
  "Highlighting for `rel-mode'.")

(defconst rel-mode-syntax-table
  (let ((table (make-syntax-table text-mode-syntax-table)))
    (modify-syntax-entry ?\; "." table)
    (modify-syntax-entry ?# "." table)
    (modify-syntax-entry ?\" "." table)
    (modify-syntax-entry ?\n ">" table)
    table)
  "Syntax table for `rel-mode'.
Comment starters are set by `rel-syntax-propertize', as ; and # only
start a comment as the first non-blank of a line, or ; standing alone
as a word of an unindented line outside quotes.")

(defconst rel-syntax-propertize
  (syntax-propertize-rules
   ("^[ \t]*\\([;#]\\)" (1 "<"))
   ((concat "^[^ \t\n;#]\\(?:[^\"\n]\\|" rel--string "\\)*?[ \t]\\(;\\)"
            "\\(?:[ \t]\\|$\\)")
    (1 "<")))
  "Mark the characters that start a comment.")

(add-to-list 'compilation-error-regexp-alist-alist
             '(rel "^\\([^ \t\n:][^\n:]*\\):\\([0-9]+\\):\\([0-9]+\\): \
\\(?:error\\|\\(warning\\)\\):"
                   1 2 3 (4)))
(add-to-list 'compilation-error-regexp-alist 'rel)

;;;###autoload
(define-derived-mode rel-mode text-mode "Rel"
  "Major mode for editing rel relationship journals.
\\{rel-mode-map}"
  (setq-local comment-start "; ")
  (setq-local comment-start-skip "[;#]+[ \t]*")
  (setq-local syntax-propertize-function rel-syntax-propertize)
  (setq-local font-lock-defaults '(rel-font-lock-keywords))
  ;; The tools count columns in characters.
  (setq-local compilation-error-screen-columns nil)
  (rel--set-compile-command)
  ;; File and directory local variables are set after the mode starts.
  (add-hook 'hack-local-variables-hook #'rel--set-compile-command nil t))

(defun rel--includes (file)
  "The files that the include lines of FILE name, globs expanded.
Full names, as `file-truename' gives them."
  (let ((dir (file-name-directory file))
        found)
    (with-temp-buffer
      (when (ignore-errors (insert-file-contents file) t)
        (goto-char (point-min))
        (while (re-search-forward
                (concat "^include[ \t]+\\(?:\\(" rel--string "\\)"
                        "\\|\\([^ \t\r\n]+\\)\\)")
                nil t)
          (let* ((path (if (match-beginning 1)
                           (replace-regexp-in-string
                            "\\\\\\(.\\)" "\\1"
                            (substring (match-string 1) 1 -1))
                         (match-string 2)))
                 (path (expand-file-name path dir)))
            (dolist (name (if (string-match-p "[*?[]" path)
                              (file-expand-wildcards path)
                            (list path)))
              (push (file-truename name) found))))))
    found))

(defun rel-journal-root (file)
  "The root journal of FILE: what includes it, and so on up.
The first *.rel file that includes FILE, looked for in FILE's
directory and then upwards (up to the top of a git work tree), then
the first that includes that one, and so on.  FILE itself when
nothing includes it."
  (let* ((file (file-truename file))
         (seen (list file))
         (dir (file-name-directory file))
         root)
    (while (not root)
      (let ((includer
             (seq-find (lambda (name)
                         (and (not (member name seen))
                              (member file (rel--includes name))))
                       (mapcar #'file-truename
                               (directory-files dir t "\\.rel\\'")))))
        (cond (includer
               (setq file includer
                     dir (file-name-directory includer))
               (push file seen))
              ((or (file-exists-p (expand-file-name ".git" dir))
                   (equal dir (file-name-directory (directory-file-name dir))))
               (setq root file))
              (t
               (setq dir (file-name-directory (directory-file-name dir)))))))
    root))

(defun rel--journal ()
  "The journal of this buffer: `rel-journal', else its root."
  (if rel-journal
      (expand-file-name rel-journal)
    (rel-journal-root buffer-file-name)))

(defun rel--check-command ()
  "The command that checks the journal of this buffer."
  (concat rel-parse-program " --check "
          (shell-quote-argument (file-relative-name (rel--journal)))))

(defun rel--set-compile-command ()
  "Set `compile-command' to check the journal of this buffer."
  (when buffer-file-name
    (setq-local compile-command (rel--check-command))))

(defun rel-check ()
  "Check the journal of this buffer with `rel-parse --check'.
The journal is `rel-journal' when set, else the nearest root journal
that includes this file (see `rel-journal-root'), else this file."
  (interactive)
  (unless buffer-file-name
    (user-error "This buffer is not visiting a file"))
  (compile (rel--check-command)))

(define-key rel-mode-map (kbd "C-c C-c") #'rel-check)

;;;###autoload
(add-to-list 'auto-mode-alist '("\\.rel\\'" . rel-mode))

(provide 'rel-mode)

;;; rel-mode.el ends here
