package frames

import (
	"bufio"
	"bytes"
	"fmt"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

// Dictionaries from other tools become frames with one simple rule: every
// category is a frame whose entries are terms of weight 1 and whose threshold
// is 1, so a sentence (and so a paragraph) is 1 for a category when any entry
// of the category matches it. They have no rules, groups, actors or negation.

// parseDic reads a LIWC-style dictionary:
//
//	%
//	1	threat
//	2	unity
//	%
//	conspir*	1
//	muslim world	2
//	ummah	2 1
//
// The part between the two % lines names the categories (a number, then the
// name); every later line is an entry (a word, phrase or word*) followed by the
// numbers of its categories. Lines starting with // or # are comments.
func parseDic(name string, data []byte) (*Codebook, error) {
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	line := 0
	section := 0 // 0 before the first %, 1 in the header, 2 in the entries
	cb := &Codebook{Format: "liwc"}
	index := map[string]int{} // category number → frame index
	for sc.Scan() {
		line++
		s := strings.TrimSpace(strings.TrimPrefix(sc.Text(), "\ufeff"))
		if s == "" || strings.HasPrefix(s, "//") || strings.HasPrefix(s, "#") {
			continue
		}
		if s == "%" {
			section++
			if section > 2 {
				return nil, fmt.Errorf("%s:%d: a third %% line", name, line)
			}
			continue
		}
		switch section {
		case 0:
			return nil, fmt.Errorf("%s:%d: a .dic file starts with a %% line", name, line)
		case 1:
			f := strings.Fields(s)
			if len(f) < 2 || !isDigits(f[0]) {
				return nil, fmt.Errorf("%s:%d: a category line is a number and a name, got %q", name, line, s)
			}
			if _, dup := index[f[0]]; dup {
				return nil, fmt.Errorf("%s:%d: category number %s defined twice", name, line, f[0])
			}
			id := f[1]
			for _, fr := range cb.Frames {
				if fr.ID == id {
					return nil, fmt.Errorf("%s:%d: category name %q defined twice", name, line, id)
				}
			}
			index[f[0]] = len(cb.Frames)
			cb.Frames = append(cb.Frames, Frame{ID: id, Label: strings.Join(f[1:], " "), Threshold: 1, Line: line,
				Sources: []string{"LIWC-style dictionary " + name}})
		case 2:
			f := strings.Fields(s)
			k := len(f)
			for k > 0 && isDigits(f[k-1]) {
				k--
			}
			if k == 0 || k == len(f) {
				return nil, fmt.Errorf("%s:%d: an entry is a word or phrase followed by category numbers, got %q", name, line, s)
			}
			pat := strings.Join(f[:k], " ")
			if _, err := compileTerm(pat); err != nil {
				return nil, fmt.Errorf("%s:%d: entry %q: %v", name, line, pat, err)
			}
			for _, c := range f[k:] {
				fi, ok := index[c]
				if !ok {
					return nil, fmt.Errorf("%s:%d: entry %q: unknown category %s", name, line, pat, c)
				}
				cb.Frames[fi].Terms = append(cb.Frames[fi].Terms, Term{Pattern: pat, Weight: 1, Line: line})
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %v", name, line+1, err)
	}
	if section < 2 {
		return nil, fmt.Errorf("%s:%d: missing the %% line that ends the category header", name, line)
	}
	return finishDictionary(name, cb)
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// parseQuanteda reads a quanteda-style YAML dictionary: nested keys are
// categories (joined with "." as quanteda does), lists hold patterns with *
// globs.
//
//	threat:
//	  - conspir*
//	  - great satan
//	security:
//	  border:
//	    - border guard*
func parseQuanteda(name string, root *yaml.Node) (*Codebook, error) {
	cb := &Codebook{Format: "quanteda"}
	var walk func(prefix string, m *yaml.Node) error
	walk = func(prefix string, m *yaml.Node) error {
		for i := 0; i+1 < len(m.Content); i += 2 {
			k, v := m.Content[i], m.Content[i+1]
			if k.Kind != yaml.ScalarNode || k.Value == "" {
				return errAt(name, k, "a category name must be a non-empty string")
			}
			id := k.Value
			if prefix != "" {
				id = prefix + "." + id
			}
			switch v.Kind {
			case yaml.MappingNode:
				if err := walk(id, v); err != nil {
					return err
				}
			case yaml.SequenceNode, yaml.ScalarNode:
				items := v.Content
				if v.Kind == yaml.ScalarNode {
					items = []*yaml.Node{v}
				}
				fr := Frame{ID: id, Label: id, Threshold: 1, Line: k.Line,
					Sources: []string{"quanteda-style dictionary " + name}}
				for _, it := range items {
					if it.Kind != yaml.ScalarNode {
						return errAt(name, it, "category %q: a pattern must be a string", id)
					}
					if _, err := compileTerm(it.Value); err != nil {
						return errAt(name, it, "category %q: pattern %q: %v", id, it.Value, err)
					}
					fr.Terms = append(fr.Terms, Term{Pattern: it.Value, Weight: 1, Line: it.Line})
				}
				for _, f := range cb.Frames {
					if f.ID == id {
						return errAt(name, k, "category %q defined twice", id)
					}
				}
				cb.Frames = append(cb.Frames, fr)
			default:
				return errAt(name, v, "category %q: expected a list of patterns or nested categories", id)
			}
		}
		return nil
	}
	if err := walk("", root); err != nil {
		return nil, err
	}
	return finishDictionary(name, cb)
}

func finishDictionary(name string, cb *Codebook) (*Codebook, error) {
	if len(cb.Frames) == 0 {
		return nil, fmt.Errorf("%s:1: no categories", name)
	}
	var empty []string
	for _, f := range cb.Frames {
		if len(f.Terms) == 0 {
			empty = append(empty, f.ID)
		}
	}
	if len(empty) > 0 {
		sort.Strings(empty)
		return nil, fmt.Errorf("%s:%d: categories without entries: %s", name, cb.Frames[0].Line, strings.Join(empty, ", "))
	}
	return cb, nil
}
