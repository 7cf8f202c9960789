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
	sections map[string][]string
}

// parseGrammar reads the template format of templates.txt; errors name the
// line.
func parseGrammar(src string) (*grammar, error) {
	g := &grammar{sections: map[string][]string{}}
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
		g.sections[section] = append(g.sections[section], line)
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

// expand appends a random expansion of a line of section to b. outlet fills
// @outlet.
func (g *grammar) expand(b *strings.Builder, rng *rand.Rand, section, outlet string, depth int) {
	lines := g.sections[section]
	g.expandTemplate(b, rng, lines[rng.IntN(len(lines))], outlet, depth)
}

func (g *grammar) expandTemplate(b *strings.Builder, rng *rand.Rand, t, outlet string, depth int) {
	for i := 0; i < len(t); i++ {
		switch c := t[i]; c {
		case '{':
			end := strings.IndexByte(t[i:], '}') + i
			alts := strings.Split(t[i+1:end], "|")
			g.expandTemplate(b, rng, alts[rng.IntN(len(alts))], outlet, depth)
			i = end
		case '@':
			j := i + 1
			for j < len(t) && (t[j] == '_' || t[j] >= 'a' && t[j] <= 'z') {
				j++
			}
			name := t[i+1 : j]
			switch {
			case name == "outlet":
				b.WriteString(outlet)
			case depth < 4 && name != "":
				g.expand(b, rng, name, outlet, depth+1)
			default:
				b.WriteString(name)
			}
			i = j - 1
		default:
			b.WriteByte(c)
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
