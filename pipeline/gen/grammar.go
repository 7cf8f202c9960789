package gen

import (
	"bufio"
	_ "embed"
	"fmt"
	"math/rand/v2"
	"strings"
)

//go:embed templates.txt
var templatesText string

// grammar holds template sections: each a list of templates in which
// {a|b|c} picks an alternative and @name a line of another section.
type grammar struct {
	sections map[string][]string // the templates as written
	compiled map[string][][]node // … and parsed
}

// node is one piece of a template: literal text, an @reference, or a choice
// among alternatives.
type node struct {
	lit  string
	ref  string
	alts [][]node
}

// compile parses a template (braces are balanced and not nested).
func compile(t string) []node {
	var out []node
	lit := 0
	flush := func(i int) {
		if i > lit {
			out = append(out, node{lit: t[lit:i]})
		}
	}
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case '{':
			flush(i)
			end := strings.IndexByte(t[i:], '}') + i
			var alts [][]node
			for _, a := range strings.Split(t[i+1:end], "|") {
				alts = append(alts, compile(a))
			}
			out = append(out, node{alts: alts})
			i = end
			lit = i + 1
		case '@':
			flush(i)
			j := i + 1
			for j < len(t) && (t[j] == '_' || t[j] >= 'a' && t[j] <= 'z') {
				j++
			}
			if j == i+1 { // a lone @ is text
				lit = i
				continue
			}
			out = append(out, node{ref: t[i+1 : j]})
			i = j - 1
			lit = j
		}
	}
	flush(len(t))
	return out
}

// parseGrammar reads the template format of templates.txt; errors name the
// line.
func parseGrammar(src string) (*grammar, error) {
	g := &grammar{sections: map[string][]string{}, compiled: map[string][][]node{}}
	sc := bufio.NewScanner(strings.NewReader(src))
	section := ""
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
			continue
		case strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]"):
			section = line[1 : len(line)-1]
			if _, dup := g.sections[section]; dup {
				return nil, fmt.Errorf("templates:%d: section [%s] twice", n, section)
			}
			g.sections[section] = nil
			continue
		case section == "":
			return nil, fmt.Errorf("templates:%d: template before any [section]", n)
		}
		if strings.Count(line, "{") != strings.Count(line, "}") {
			return nil, fmt.Errorf("templates:%d: unbalanced braces", n)
		}
		if strings.Contains(line, "{{") || nested(line) {
			return nil, fmt.Errorf("templates:%d: nested braces", n)
		}
		g.sections[section] = append(g.sections[section], line)
		g.compiled[section] = append(g.compiled[section], compile(line))
	}
	for name, lines := range g.sections {
		if len(lines) == 0 {
			return nil, fmt.Errorf("templates: section [%s] is empty", name)
		}
		for _, l := range lines {
			for _, ref := range refs(l) {
				if _, ok := g.sections[ref]; !ok && ref != "outlet" {
					return nil, fmt.Errorf("templates: [%s] refers to @%s, which has no section", name, ref)
				}
			}
		}
	}
	return g, nil
}

// refs lists the @names a template refers to.
func refs(t string) []string {
	var out []string
	for i := 0; i < len(t); i++ {
		if t[i] == '@' {
			j := i + 1
			for j < len(t) && (t[j] == '_' || t[j] >= 'a' && t[j] <= 'z') {
				j++
			}
			if j > i+1 {
				out = append(out, t[i+1:j])
			}
			i = j - 1
		}
	}
	return out
}

// nested reports whether a template has a brace inside braces, or a closing
// brace before its opening one.
func nested(t string) bool {
	depth := 0
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case '{':
			depth++
		case '}':
			depth--
		}
		if depth < 0 || depth > 1 {
			return true
		}
	}
	return false
}

// expand appends a random expansion of a line of section to b. outlet fills
// @outlet.
func (g *grammar) expand(b *strings.Builder, rng *rand.Rand, section, outlet string, depth int) {
	lines := g.compiled[section]
	g.expandNodes(b, rng, lines[rng.IntN(len(lines))], outlet, depth)
}

func (g *grammar) expandNodes(b *strings.Builder, rng *rand.Rand, seq []node, outlet string, depth int) {
	for _, n := range seq {
		switch {
		case n.alts != nil:
			g.expandNodes(b, rng, n.alts[rng.IntN(len(n.alts))], outlet, depth)
		case n.ref == "outlet":
			b.WriteString(outlet)
		case n.ref != "" && depth < 4:
			g.expand(b, rng, n.ref, outlet, depth+1)
		case n.ref != "":
			b.WriteString(n.ref)
		default:
			b.WriteString(n.lit)
		}
	}
}

// sentence returns one expansion of section with its first letter made upper
// case (a template may start with a speaker such as "the president").
func (g *grammar) sentence(rng *rand.Rand, section, outlet string) string {
	var b strings.Builder
	g.expand(&b, rng, section, outlet, 0)
	s := b.String()
	if s != "" && s[0] >= 'a' && s[0] <= 'z' {
		s = string(s[0]-'a'+'A') + s[1:]
	}
	return s
}
