package tone

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"unicode/utf8"

	"github.com/framescope/framescope/analysis/token"
)

// targetRow is one target of a NewsMTSC sentence.
type targetRow struct {
	sentence   int // index of the sentence in the file
	text       string
	toks       []token.Token
	start, end int // byte offsets of the mention
	gold       int // −1, 0, 1
}

// readTargets reads a NewsMTSC jsonl file (Hamborg & Donnay 2021): one
// sentence a line with "sentence_normalized" and "targets" whose "from"/"to"
// are character (code point) offsets, "to" exclusive, and "polarity" 2, 4 or 6.
func readTargets(path string) ([]targetRow, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 4<<20)
	var rows []targetRow
	n := 0
	for line := 1; sc.Scan(); line++ {
		var rec struct {
			Sentence string `json:"sentence_normalized"`
			Targets  []struct {
				From, To int
				Polarity float64
			} `json:"targets"`
		}
		if len(sc.Bytes()) == 0 {
			continue
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			return nil, fmt.Errorf("%s:%d: %v", path, line, err)
		}
		off := runeOffsets(rec.Sentence)
		toks := token.All(rec.Sentence)
		for _, t := range rec.Targets {
			if t.From < 0 || t.To < t.From || t.To >= len(off) {
				return nil, fmt.Errorf("%s:%d: target [%d, %d) outside the sentence", path, line, t.From, t.To)
			}
			var g int
			switch t.Polarity {
			case 2:
				g = -1
			case 4:
				g = 0
			case 6:
				g = 1
			default:
				return nil, fmt.Errorf("%s:%d: polarity %v, want 2, 4 or 6", path, line, t.Polarity)
			}
			rows = append(rows, targetRow{sentence: n, text: rec.Sentence, toks: toks, start: off[t.From], end: off[t.To], gold: g})
		}
		n++
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("%s: no targets", path)
	}
	return rows, nil
}

// runeOffsets returns the byte offset of every code point of s, and len(s) last.
func runeOffsets(s string) []int {
	off := make([]int, 0, utf8.RuneCountInString(s)+1)
	for i := range s {
		off = append(off, i)
	}
	return append(off, len(s))
}

// targetScorers are the ways EvalTargets reads a target's polarity: the
// sentence's tone by each sentence scorer, and Toward.
func targetScorers() []struct {
	name  string
	score func(r *targetRow) float64
} {
	type ts = struct {
		name  string
		score func(r *targetRow) float64
	}
	var out []ts
	for _, n := range Names() {
		s, _ := New(n)
		out = append(out, ts{"sentence:" + n, func(r *targetRow) float64 { return s.Score(r.text, r.toks) }})
	}
	out = append(out, ts{"toward", func(r *targetRow) float64 {
		return Toward(r.text, r.toks, token.Span{Start: 0, End: len(r.text)}, r.start, r.end)
	}})
	return out
}

// EvalTargets measures, on the NewsMTSC file at path, the 3-class macro F1 of
// the polarity toward each target (2 negative, 4 neutral, 6 positive): for
// every sentence scorer, its score of the whole sentence; and for "toward", the
// Toward score of the mention; scores are read with the ±0.05 thresholds. The
// 95% intervals resample sentences (resamples draws, seeded by seed).
func EvalTargets(path string, resamples int, seed uint64) ([]TargetResult, error) {
	rows, err := readTargets(path)
	if err != nil {
		return nil, err
	}
	sentences := make([]string, len(rows))
	gold := make([]int, len(rows))
	for i, r := range rows {
		sentences[i] = fmt.Sprint(r.sentence)
		gold[i] = r.gold
	}
	groups := groupIndex(sentences)
	var out []TargetResult
	for _, ts := range targetScorers() {
		pred := make([]int, len(rows))
		for i := range rows {
			pred[i] = class3(ts.score(&rows[i]))
		}
		res := TargetResult{Scorer: ts.name, N: len(rows), F1: macroF1(gold, pred, classesPNZ)}
		res.F1Low, res.F1High = bootstrap(groups, resamples, seed, func(idx []int) float64 {
			g := make([]int, len(idx))
			p := make([]int, len(idx))
			for k, i := range idx {
				g[k], p[k] = gold[i], pred[i]
			}
			return macroF1(g, p, classesPNZ)
		})
		out = append(out, res)
	}
	return out, nil
}
