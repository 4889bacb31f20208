// Copyright 2026 The dbleaklint Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package docgen

import (
	"bytes"
	"go/doc/comment"
	"strings"
)

// The Markdown printer of go/doc/comment is not used: it joins each
// paragraph into one line, which makes the committed pages' diffs
// unreadable, and it indents code rather than fencing it with a language.

// parse parses doc comment text, such as an analyzer's Doc.
func parse(text string) *comment.Doc {
	var p comment.Parser
	return p.Parse(text)
}

// markdown renders blocks of a doc comment as Markdown. A heading "# X"
// becomes a heading of the given level; paragraphs keep their line
// breaks; indented code becomes a fenced block; lists stay lists.
func markdown(blocks []comment.Block, level int) string {
	var b bytes.Buffer
	for i, x := range blocks {
		if i > 0 {
			b.WriteByte('\n')
		}
		switch x := x.(type) {
		case *comment.Heading:
			b.WriteString(strings.Repeat("#", level) + " ")
			inline(&b, x.Text, "")
			b.WriteByte('\n')
		case *comment.Paragraph:
			inline(&b, x.Text, "")
			b.WriteByte('\n')
		case *comment.Code:
			code(&b, x.Text)
		case *comment.List:
			list(&b, x)
		}
	}
	return b.String()
}

// code writes a fenced code block. The examples of doc.go files are Go,
// except command lines, which start with a flag or a shell prompt.
func code(b *bytes.Buffer, text string) {
	lang := "go"
	if first := strings.TrimSpace(text); strings.HasPrefix(first, "-") || strings.HasPrefix(first, "$ ") {
		lang = "sh"
	}
	// A fence longer than any run of backticks in the text, which
	// would otherwise end the block early.
	fence := "```"
	for strings.Contains(text, fence) {
		fence += "`"
	}
	b.WriteString(fence + lang + "\n" + text)
	if !strings.HasSuffix(text, "\n") {
		b.WriteByte('\n')
	}
	b.WriteString(fence + "\n")
}

// list writes a list, each item's later lines indented under its first.
func list(b *bytes.Buffer, l *comment.List) {
	for i, item := range l.Items {
		if i > 0 && l.BlankBetween() {
			b.WriteByte('\n')
		}
		marker := "- "
		if item.Number != "" {
			marker = item.Number + ". "
		}
		indent := strings.Repeat(" ", len(marker))
		b.WriteString(marker)
		for j, blk := range item.Content {
			if j > 0 {
				b.WriteString("\n" + indent)
			}
			// A list item holds paragraphs only.
			inline(b, blk.(*comment.Paragraph).Text, indent)
			b.WriteByte('\n')
		}
	}
}

// inline writes the text of a paragraph, a heading or a list item,
// starting each line after the first with indent.
func inline(b *bytes.Buffer, text []comment.Text, indent string) {
	w := &textWriter{b: b, indent: indent, lineStart: true}
	w.texts(text)
}

// A textWriter escapes plain text for Markdown, line by line.
type textWriter struct {
	b         *bytes.Buffer
	indent    string
	lineStart bool
}

func (w *textWriter) texts(text []comment.Text) {
	for _, t := range text {
		switch t := t.(type) {
		case comment.Plain:
			w.plain(string(t))
		case comment.Italic:
			w.b.WriteByte('*')
			w.plain(string(t))
			w.b.WriteByte('*')
		case *comment.Link:
			if t.Auto {
				// A URL written in the text: written as is,
				// since escaping would change it; Markdown
				// renderers link it.
				w.b.WriteString(t.URL)
				w.lineStart = false
				continue
			}
			w.b.WriteByte('[')
			w.texts(t.Text)
			w.b.WriteString("](" + t.URL + ")")
			w.lineStart = false
		case *comment.DocLink:
			w.b.WriteByte('[')
			w.texts(t.Text)
			w.b.WriteString("](" + t.DefaultURL("https://pkg.go.dev") + ")")
			w.lineStart = false
		}
	}
}

// plain writes s, escaping what Markdown would read as markup: inline
// markup anywhere, block markup at the start of a line.
func (w *textWriter) plain(s string) {
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			w.b.WriteString("\n" + w.indent)
			w.lineStart = true
		}
		if w.lineStart {
			line = strings.TrimLeft(line, " \t")
			if line == "" {
				continue
			}
			w.b.WriteString(escapeLineStart(escapeInline(line)))
			w.lineStart = false
			continue
		}
		w.b.WriteString(escapeInline(line))
	}
}

// escapeInline escapes the characters that start inline markup: code
// spans, emphasis, links, HTML, and the escape character itself.
func escapeInline(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune("\\`*_[<", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// escapeLineStart escapes a line's start that Markdown would read as a
// heading, a quote, a list item, a fence or a setext underline. Its
// input is already escaped by escapeInline, whose characters it does not
// look at.
func escapeLineStart(line string) string {
	spaceOrEnd := func(rest string) bool { return rest == "" || rest[0] == ' ' || rest[0] == '\t' }
	switch c := line[0]; {
	case c == '#' || c == '>' || strings.HasPrefix(line, "~~~"):
		return `\` + line
	case c == '-' || c == '+':
		if spaceOrEnd(line[1:]) || strings.Trim(line, "-") == "" {
			return `\` + line
		}
	case c == '=':
		if strings.Trim(line, "=") == "" {
			return `\` + line
		}
	case '0' <= c && c <= '9':
		i := strings.IndexFunc(line, func(r rune) bool { return r < '0' || r > '9' })
		if i > 0 && (line[i] == '.' || line[i] == ')') && spaceOrEnd(line[i+1:]) {
			return line[:i] + `\` + line[i:]
		}
	}
	return line
}
