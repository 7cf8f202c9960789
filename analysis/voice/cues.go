package voice

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"sort"
	"strings"
)

//go:embed cues.txt
var cuesFile string

// The word lists of cues.txt.
var (
	speechVerbs map[string]bool // [speech]
	baseForms   map[string]bool // [plain]
	needsThat   map[string]bool // [needs-that]
	participles map[string]bool // [participles]
	notSources  map[string]bool // [not-sources]
	determiners map[string]bool // [determiners]
	skipWords   map[string]bool // [skip]
)

// cueSections are the lists cues.txt must define.
var cueSections = []string{"speech", "plain", "needs-that", "participles", "not-sources", "determiners", "skip"}

func init() {
	lists, err := parseCues(strings.NewReader(cuesFile), "cues.txt")
	if err != nil {
		panic(err) // the embedded file is part of the program
	}
	speechVerbs, baseForms, needsThat = lists["speech"], lists["plain"], lists["needs-that"]
	participles, notSources = lists["participles"], lists["not-sources"]
	determiners, skipWords = lists["determiners"], lists["skip"]
}

// parseCues reads word lists: "[name]" starts a list, words are separated by
// white space, "#" starts a comment. Errors name the file and line. Every
// list of cueSections must be present and no other.
func parseCues(r io.Reader, name string) (map[string]map[string]bool, error) {
	lists := map[string]map[string]bool{}
	known := map[string]bool{}
	for _, s := range cueSections {
		known[s] = true
	}
	cur := ""
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		text, _, _ := strings.Cut(sc.Text(), "#")
		text = strings.TrimSpace(text)
		switch {
		case text == "":
		case strings.HasPrefix(text, "["):
			if !strings.HasSuffix(text, "]") {
				return nil, fmt.Errorf("%s:%d: unclosed list name %q", name, line, text)
			}
			cur = text[1 : len(text)-1]
			if !known[cur] {
				return nil, fmt.Errorf("%s:%d: unknown list [%s]", name, line, cur)
			}
			if lists[cur] != nil {
				return nil, fmt.Errorf("%s:%d: list [%s] given twice", name, line, cur)
			}
			lists[cur] = map[string]bool{}
		case cur == "":
			return nil, fmt.Errorf("%s:%d: words before any [list]", name, line)
		default:
			for _, w := range strings.Fields(text) {
				if w != strings.ToLower(w) {
					return nil, fmt.Errorf("%s:%d: %q is not lower case", name, line, w)
				}
				lists[cur][w] = true
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	var missing []string
	for _, s := range cueSections {
		if lists[s] == nil {
			missing = append(missing, "["+s+"]")
		}
	}
	if len(missing) > 0 {
		sort.Strings(missing)
		return nil, fmt.Errorf("%s: missing %s", name, strings.Join(missing, ", "))
	}
	return lists, nil
}
