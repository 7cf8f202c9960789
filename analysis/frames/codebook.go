package frames

import (
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"github.com/framescope/framescope/analysis/token"
	"gopkg.in/yaml.v3"
)

// Codebook is a parsed set of frame definitions and actors.
type Codebook struct {
	Name   string // its name: key ("framescope-default" for the embedded one), else the file's base name
	Hash   string // sha256 hex of the source bytes
	Format string // "framescope", "quanteda" or "liwc"
	Frames []Frame
	Actors []Actor
	// Negation says which words negate a term that follows them.
	Negation Negation
}

// Frame is one frame: the terms that signal it on their own, the groups of
// terms that rules combine, and the threshold a sentence's score must reach.
type Frame struct {
	ID, Label, Description string
	Sources                []string // the literature and definitions the frame follows
	Threshold              float64  // a sentence is On when its score reaches this
	Terms                  []Term   // each match adds its weight to the sentence's score
	Groups                 []Group  // named lists that rules combine
	Rules                  []Rule
	Exclude                []Term // a match overlapping one of these is dropped
	// NoNegation turns negation off for the frame ("negation: false"): for
	// topic frames, "not united" or "no security at the border" still concern
	// the topic.
	NoNegation bool
	Line       int // line of the frame in its file (0 when not from YAML)
}

// Actor is a target of tone: a state or group the articles talk about.
type Actor struct {
	ID, Label string
	Terms     []Term
	Exclude   []Term
	Line      int
}

// Term is one pattern: words separated by spaces, each matched against a
// token's lower-case form; a word ending in * matches any token that starts
// with it; hyphens are optional on both sides ("sistan-baluchestan" matches
// "Sistan Baluchestan"). Case makes the pattern match only tokens written with
// the same shape (all capitals, capitalised, lower case) as the pattern.
type Term struct {
	Pattern string
	Weight  float64
	Case    bool
	Line    int
}

// Group is a named list of terms (and of the terms of named actors) that rules
// refer to.
type Group struct {
	ID     string
	Terms  []Term
	Actors []string // ids of actors whose terms (and exclusions) join the group
	Line   int
}

// Rule fires in a sentence that holds a match of every group in All (on
// distinct tokens, each within Within tokens of the first group's match when
// Within > 0) and none of the groups in None. With Context set, it fires only
// when the rule or group named by Context fired somewhere in the same article;
// with Unless set, only when none of the rules or groups it names fired
// anywhere in the article.
type Rule struct {
	ID      string
	All     []string
	None    []string
	Within  int
	Weight  float64
	Context string
	Unless  []string
	Line    int
}

// Negation lists the cues that negate a following term within Window tokens
// of the same sentence, and the Breakers that end a cue's scope early.
type Negation struct {
	Window   int
	Cues     []Term
	Breakers []Term
}

//go:embed default.yaml
var defaultSource []byte

var defaultOnce = sync.OnceValue(func() *Codebook {
	cb, err := Parse("default.yaml", defaultSource)
	if err != nil {
		panic("frames: embedded codebook: " + err.Error())
	}
	return cb
})

// Default returns the embedded codebook, parsed once. Callers must not modify it.
func Default() *Codebook { return defaultOnce() }

// DefaultSource returns the YAML of the embedded codebook.
func DefaultSource() []byte { return append([]byte(nil), defaultSource...) }

// Load reads a codebook file: a LIWC dictionary (.dic), a quanteda YAML
// dictionary, or framescope's own YAML (a top-level "frames" key).
func Load(path string) (*Codebook, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(path, data)
}

// Parse reads a codebook from data; name is used in errors ("name:line: message")
// and to recognise a .dic file.
func Parse(name string, data []byte) (*Codebook, error) {
	var cb *Codebook
	var err error
	trimmed := strings.TrimLeft(string(data), " \t\r\n\ufeff")
	switch {
	case strings.EqualFold(filepath.Ext(name), ".dic") || strings.HasPrefix(trimmed, "%"):
		cb, err = parseDic(name, data)
	default:
		var doc yaml.Node
		if err := yaml.Unmarshal(data, &doc); err != nil {
			return nil, yamlError(name, err)
		}
		if len(doc.Content) == 0 {
			return nil, fmt.Errorf("%s:1: empty codebook", name)
		}
		root := doc.Content[0]
		if root.Kind != yaml.MappingNode {
			return nil, errAt(name, root, "a codebook is a mapping (frames: …, or quanteda categories)")
		}
		if mapGet(root, "frames") != nil {
			cb, err = parseNative(name, root)
		} else {
			cb, err = parseQuanteda(name, root)
		}
	}
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(data)
	cb.Hash = hex.EncodeToString(sum[:])
	if cb.Name == "" {
		cb.Name = filepath.Base(name)
	}
	return cb, nil
}

// yamlError rewrites yaml.v3's "yaml: line N: msg" as "name:N: msg".
func yamlError(name string, err error) error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if i := strings.Index(rest, ": "); i > 0 {
			if _, perr := strconv.Atoi(rest[:i]); perr == nil {
				return fmt.Errorf("%s:%s: %s", name, rest[:i], rest[i+2:])
			}
		}
	}
	return fmt.Errorf("%s:1: %s", name, msg)
}

// FrameIndex returns the index of the frame with the given id, or -1.
func (cb *Codebook) FrameIndex(id string) int {
	for i, f := range cb.Frames {
		if f.ID == id {
			return i
		}
	}
	return -1
}

// FrameIDs returns the frames' ids in codebook order.
func (cb *Codebook) FrameIDs() []string {
	ids := make([]string, len(cb.Frames))
	for i, f := range cb.Frames {
		ids[i] = f.ID
	}
	return ids
}

// ---- native YAML ----

func errAt(name string, n *yaml.Node, format string, args ...any) error {
	return fmt.Errorf("%s:%d: %s", name, n.Line, fmt.Sprintf(format, args...))
}

func mapGet(m *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// fields walks a mapping node, rejecting keys not in allowed.
func fields(name string, m *yaml.Node, allowed ...string) (map[string]*yaml.Node, error) {
	if m.Kind != yaml.MappingNode {
		return nil, errAt(name, m, "expected a mapping")
	}
	out := make(map[string]*yaml.Node, len(m.Content)/2)
	for i := 0; i+1 < len(m.Content); i += 2 {
		k := m.Content[i]
		ok := false
		for _, a := range allowed {
			if k.Value == a {
				ok = true
				break
			}
		}
		if !ok {
			return nil, errAt(name, k, "unknown key %q (allowed: %s)", k.Value, strings.Join(allowed, ", "))
		}
		if _, dup := out[k.Value]; dup {
			return nil, errAt(name, k, "duplicate key %q", k.Value)
		}
		out[k.Value] = m.Content[i+1]
	}
	return out, nil
}

func scalar(name string, n *yaml.Node) (string, error) {
	if n == nil {
		return "", nil
	}
	if n.Kind != yaml.ScalarNode {
		return "", errAt(name, n, "expected a single value")
	}
	return n.Value, nil
}

func number(name string, n *yaml.Node, def float64) (float64, error) {
	if n == nil {
		return def, nil
	}
	var f float64
	if n.Kind != yaml.ScalarNode || n.Decode(&f) != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, errAt(name, n, "expected a number, got %q", n.Value)
	}
	return f, nil
}

func integer(name string, n *yaml.Node) (int, error) {
	if n == nil {
		return 0, nil
	}
	var v int
	if n.Kind != yaml.ScalarNode || n.Decode(&v) != nil || v < 0 {
		return 0, errAt(name, n, "expected a whole number ≥ 0, got %q", n.Value)
	}
	return v, nil
}

func strList(name string, n *yaml.Node) ([]string, error) {
	if n == nil {
		return nil, nil
	}
	if n.Kind == yaml.ScalarNode {
		return []string{n.Value}, nil
	}
	if n.Kind != yaml.SequenceNode {
		return nil, errAt(name, n, "expected a list")
	}
	out := make([]string, 0, len(n.Content))
	for _, c := range n.Content {
		s, err := scalar(name, c)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

func termList(name string, n *yaml.Node) ([]Term, error) {
	if n == nil {
		return nil, nil
	}
	if n.Kind != yaml.SequenceNode {
		return nil, errAt(name, n, "expected a list of terms")
	}
	out := make([]Term, 0, len(n.Content))
	for _, c := range n.Content {
		t := Term{Weight: 1, Line: c.Line}
		switch c.Kind {
		case yaml.ScalarNode:
			t.Pattern = c.Value
		case yaml.MappingNode:
			f, err := fields(name, c, "pattern", "weight", "case")
			if err != nil {
				return nil, err
			}
			if t.Pattern, err = scalar(name, f["pattern"]); err != nil {
				return nil, err
			}
			if t.Weight, err = number(name, f["weight"], 1); err != nil {
				return nil, err
			}
			if cn := f["case"]; cn != nil {
				if cn.Decode(&t.Case) != nil {
					return nil, errAt(name, cn, "case: expected true or false, got %q", cn.Value)
				}
			}
		default:
			return nil, errAt(name, c, "a term is a pattern or {pattern, weight, case}")
		}
		if _, err := compileTerm(t.Pattern); err != nil {
			return nil, errAt(name, c, "term %q: %v", t.Pattern, err)
		}
		out = append(out, t)
	}
	return out, nil
}

func parseNative(name string, root *yaml.Node) (*Codebook, error) {
	top, err := fields(name, root, "name", "description", "negation", "actors", "frames")
	if err != nil {
		return nil, err
	}
	cb := &Codebook{Format: "framescope"}
	if cb.Name, err = scalar(name, top["name"]); err != nil {
		return nil, err
	}
	cb.Negation.Window = 3
	if n := top["negation"]; n != nil {
		f, err := fields(name, n, "window", "cues", "breakers")
		if err != nil {
			return nil, err
		}
		if f["window"] != nil {
			if cb.Negation.Window, err = integer(name, f["window"]); err != nil {
				return nil, err
			}
		}
		if cb.Negation.Cues, err = termList(name, f["cues"]); err != nil {
			return nil, err
		}
		if cb.Negation.Breakers, err = termList(name, f["breakers"]); err != nil {
			return nil, err
		}
	}
	actorIDs := map[string]bool{}
	if n := top["actors"]; n != nil {
		if n.Kind != yaml.SequenceNode {
			return nil, errAt(name, n, "actors: expected a list")
		}
		for _, an := range n.Content {
			f, err := fields(name, an, "id", "label", "terms", "exclude")
			if err != nil {
				return nil, err
			}
			a := Actor{Line: an.Line}
			if a.ID, err = scalar(name, f["id"]); err != nil {
				return nil, err
			}
			if a.ID == "" {
				return nil, errAt(name, an, "actor without an id")
			}
			if actorIDs[a.ID] {
				return nil, errAt(name, an, "duplicate actor id %q", a.ID)
			}
			actorIDs[a.ID] = true
			if a.Label, err = scalar(name, f["label"]); err != nil {
				return nil, err
			}
			if a.Terms, err = termList(name, f["terms"]); err != nil {
				return nil, err
			}
			if len(a.Terms) == 0 {
				return nil, errAt(name, an, "actor %q has no terms", a.ID)
			}
			if a.Exclude, err = termList(name, f["exclude"]); err != nil {
				return nil, err
			}
			cb.Actors = append(cb.Actors, a)
		}
	}
	fn := top["frames"]
	if fn.Kind != yaml.SequenceNode || len(fn.Content) == 0 {
		return nil, errAt(name, fn, "frames: expected a non-empty list")
	}
	frameIDs := map[string]bool{}
	for _, frn := range fn.Content {
		fr, err := parseFrame(name, frn, actorIDs)
		if err != nil {
			return nil, err
		}
		if frameIDs[fr.ID] {
			return nil, errAt(name, frn, "duplicate frame id %q", fr.ID)
		}
		frameIDs[fr.ID] = true
		cb.Frames = append(cb.Frames, fr)
	}
	return cb, nil
}

func parseFrame(name string, n *yaml.Node, actorIDs map[string]bool) (Frame, error) {
	f, err := fields(name, n, "id", "label", "description", "sources", "threshold", "negation", "terms", "groups", "rules", "exclude")
	if err != nil {
		return Frame{}, err
	}
	fr := Frame{Line: n.Line}
	if fr.ID, err = scalar(name, f["id"]); err != nil {
		return fr, err
	}
	if fr.ID == "" {
		return fr, errAt(name, n, "frame without an id")
	}
	if fr.Label, err = scalar(name, f["label"]); err != nil {
		return fr, err
	}
	if fr.Description, err = scalar(name, f["description"]); err != nil {
		return fr, err
	}
	fr.Description = strings.TrimSpace(fr.Description)
	if fr.Sources, err = strList(name, f["sources"]); err != nil {
		return fr, err
	}
	if fr.Threshold, err = number(name, f["threshold"], 1); err != nil {
		return fr, err
	}
	if fr.Threshold <= 0 {
		return fr, errAt(name, f["threshold"], "frame %q: threshold must be > 0", fr.ID)
	}
	if nn := f["negation"]; nn != nil {
		var on bool
		if nn.Kind != yaml.ScalarNode || nn.Decode(&on) != nil {
			return fr, errAt(name, nn, "negation: expected true or false, got %q", nn.Value)
		}
		fr.NoNegation = !on
	}
	if fr.Terms, err = termList(name, f["terms"]); err != nil {
		return fr, err
	}
	if fr.Exclude, err = termList(name, f["exclude"]); err != nil {
		return fr, err
	}
	groups := map[string]bool{}
	if gn := f["groups"]; gn != nil {
		if gn.Kind != yaml.SequenceNode {
			return fr, errAt(name, gn, "groups: expected a list")
		}
		for _, g := range gn.Content {
			gf, err := fields(name, g, "id", "terms", "actors")
			if err != nil {
				return fr, err
			}
			grp := Group{Line: g.Line}
			if grp.ID, err = scalar(name, gf["id"]); err != nil {
				return fr, err
			}
			if grp.ID == "" {
				return fr, errAt(name, g, "group without an id")
			}
			if groups[grp.ID] {
				return fr, errAt(name, g, "duplicate group id %q in frame %q", grp.ID, fr.ID)
			}
			groups[grp.ID] = true
			if grp.Terms, err = termList(name, gf["terms"]); err != nil {
				return fr, err
			}
			if grp.Actors, err = strList(name, gf["actors"]); err != nil {
				return fr, err
			}
			for _, a := range grp.Actors {
				if !actorIDs[a] {
					return fr, errAt(name, gf["actors"], "group %q: unknown actor %q", grp.ID, a)
				}
			}
			if len(grp.Terms) == 0 && len(grp.Actors) == 0 {
				return fr, errAt(name, g, "group %q has no terms and no actors", grp.ID)
			}
			fr.Groups = append(fr.Groups, grp)
		}
	}
	rules := map[string]*Rule{}
	if rn := f["rules"]; rn != nil {
		if rn.Kind != yaml.SequenceNode {
			return fr, errAt(name, rn, "rules: expected a list")
		}
		for _, r := range rn.Content {
			rf, err := fields(name, r, "id", "all", "none", "within", "weight", "context", "unless")
			if err != nil {
				return fr, err
			}
			rule := Rule{Line: r.Line}
			if rule.ID, err = scalar(name, rf["id"]); err != nil {
				return fr, err
			}
			if rule.ID == "" {
				return fr, errAt(name, r, "rule without an id")
			}
			if rules[rule.ID] != nil || groups[rule.ID] {
				return fr, errAt(name, r, "rule id %q is already used in frame %q", rule.ID, fr.ID)
			}
			if rule.All, err = strList(name, rf["all"]); err != nil {
				return fr, err
			}
			if len(rule.All) == 0 {
				return fr, errAt(name, r, "rule %q: all: needs at least one group", rule.ID)
			}
			if rule.None, err = strList(name, rf["none"]); err != nil {
				return fr, err
			}
			for _, g := range append(append([]string(nil), rule.All...), rule.None...) {
				if !groups[g] {
					return fr, errAt(name, r, "rule %q: unknown group %q", rule.ID, g)
				}
			}
			if rule.Within, err = integer(name, rf["within"]); err != nil {
				return fr, err
			}
			if rule.Weight, err = number(name, rf["weight"], 1); err != nil {
				return fr, err
			}
			if rule.Context, err = scalar(name, rf["context"]); err != nil {
				return fr, err
			}
			if rule.Unless, err = strList(name, rf["unless"]); err != nil {
				return fr, err
			}
			fr.Rules = append(fr.Rules, rule)
			rules[rule.ID] = &fr.Rules[len(fr.Rules)-1]
		}
		// A context may be a rule with an unless (decided after the plain
		// rules); an unless must be a plain rule or a group (see matcher.go's
		// passes).
		for _, r := range fr.Rules {
			if r.Context != "" {
				target := rules[r.Context]
				if target == nil && !groups[r.Context] {
					return fr, fmt.Errorf("%s:%d: rule %q: context %q is not a rule or group of frame %q", name, r.Line, r.ID, r.Context, fr.ID)
				}
				if target != nil && target.Context != "" {
					return fr, fmt.Errorf("%s:%d: rule %q: context rule %q has a context itself", name, r.Line, r.ID, r.Context)
				}
			}
			for _, u := range r.Unless {
				target := rules[u]
				if target == nil && !groups[u] {
					return fr, fmt.Errorf("%s:%d: rule %q: unless %q is not a rule or group of frame %q", name, r.Line, r.ID, u, fr.ID)
				}
				if target != nil && (target.Context != "" || len(target.Unless) > 0) {
					return fr, fmt.Errorf("%s:%d: rule %q: unless rule %q has a context or an unless itself", name, r.Line, r.ID, u)
				}
			}
		}
	}
	if len(fr.Terms) == 0 && len(fr.Rules) == 0 {
		return fr, errAt(name, n, "frame %q has no terms and no rules", fr.ID)
	}
	return fr, nil
}

// ---- patterns ----

// maxPatternTokens bounds a phrase's length.
const maxPatternTokens = 12

type ptok struct {
	norm  string
	wild  bool
	shape uint8 // 0 any; 1 lower; 2 title; 3 caps (used when the term is case-sensitive)
}

const (
	shapeAny uint8 = iota
	shapeLower
	shapeTitle
	shapeCaps
)

// maxExpansions bounds how many phrases one pattern's alternatives stand for.
const maxExpansions = 1024

// compileTerm compiles a pattern into the phrases it stands for: one, or, when
// words list alternatives ("us|american soldier*|troops"), one per
// combination of them.
func compileTerm(p string) ([][]ptok, error) {
	if !strings.Contains(p, "|") {
		toks, err := compilePattern(p)
		if err != nil {
			return nil, err
		}
		return [][]ptok{toks}, nil
	}
	phrases := []string{""}
	for _, w := range strings.Fields(p) {
		alts := strings.Split(w, "|")
		for _, a := range alts {
			if a == "" {
				return nil, fmt.Errorf("empty alternative in %q (write a|b, no spaces around |)", w)
			}
		}
		if len(phrases)*len(alts) > maxExpansions {
			return nil, fmt.Errorf("alternatives make more than %d phrases", maxExpansions)
		}
		next := make([]string, 0, len(phrases)*len(alts))
		for _, ph := range phrases {
			for _, a := range alts {
				next = append(next, strings.TrimPrefix(ph+" "+a, " "))
			}
		}
		phrases = next
	}
	out := make([][]ptok, 0, len(phrases))
	for _, ph := range phrases {
		toks, err := compilePattern(ph)
		if err != nil {
			return nil, fmt.Errorf("%q: %v", ph, err)
		}
		out = append(out, toks)
	}
	return out, nil
}

// compilePattern splits a pattern into the tokens it matches, with the same
// tokenizer as the text.
func compilePattern(p string) ([]ptok, error) {
	if strings.TrimSpace(p) == "" {
		return nil, fmt.Errorf("empty pattern")
	}
	toks := token.All(p)
	var out []ptok
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.Kind == token.Punct {
			switch t.Norm {
			case "-":
				continue // hyphens are optional
			case "*":
				return nil, fmt.Errorf("* must end a word (as in destabili*)")
			}
		}
		pt := ptok{norm: t.Norm}
		switch {
		case t.Caps:
			pt.shape = shapeCaps
		case t.Title:
			pt.shape = shapeTitle
		default:
			pt.shape = shapeLower
		}
		if i+1 < len(toks) && toks[i+1].Norm == "*" && toks[i+1].Start == t.End {
			pt.wild = true
			i++
			if i+1 < len(toks) && toks[i+1].Start == toks[i].End && toks[i+1].Kind != token.Punct {
				return nil, fmt.Errorf("* must end a word (as in destabili*)")
			}
		}
		out = append(out, pt)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no words in pattern")
	}
	if len(out) > maxPatternTokens {
		return nil, fmt.Errorf("more than %d words", maxPatternTokens)
	}
	return out, nil
}
