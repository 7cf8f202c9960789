package frames

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"

	"github.com/framescope/framescope/analysis/evaldata"
	"github.com/framescope/framescope/analysis/token"
)

// Out of domain, a second check on false positives: how often the frames fire
// on the 9,546 sentences of NewsMTSC (US political news, 2010s: campaigns,
// Congress, the US–Mexico border; ../shared/eval/newsmtsc), each read alone.
// None is about Iran–Pakistan relations, so every firing is worth reading;
// most us_israel_threat firings are US domestic politics ("Trump accused
// Democrats…"), outside the frame's domain, which the ceilings leave alone.
// The ceilings sit just above the figures measured in round 6 (threat 771,
// unity 4, border 29), so that a wildcard that starts catching other words
// ("destroy*" caught "destroyers") shows up.
const (
	newsmtscThreatCeiling = 790
	newsmtscUnityCeiling  = 6
	newsmtscBorderCeiling = 32
)

func TestOutOfDomainNewsMTSC(t *testing.T) {
	m := NewMatcher(Default())
	var idx [3]int
	for k, id := range goldFrames {
		idx[k] = m.Codebook().FrameIndex(id)
	}
	var fired [3]int
	n := 0
	for _, name := range []string{"train.jsonl", "devtest_rw.jsonl", "devtest_mt.jsonl"} {
		path := evaldata.Path(t, "eval/newsmtsc/"+name)
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 0, 1<<16), 1<<20)
		line := 0
		for sc.Scan() {
			line++
			var r struct {
				Sentence string `json:"sentence_normalized"`
			}
			if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
				f.Close()
				t.Fatalf("%s:%d: %v", path, line, err)
			}
			n++
			sp := token.Span{Start: 0, End: len(r.Sentence)}
			res := m.Article(r.Sentence, []Para{{Span: sp, Sentences: []token.Span{sp}, Tokens: token.Tokenize(r.Sentence, sp, nil), Decide: true}})
			for k := range goldFrames {
				if res[0].Frames[idx[k]].On {
					fired[k]++
				}
			}
		}
		err = sc.Err()
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
	}
	ceil := [3]int{newsmtscThreatCeiling, newsmtscUnityCeiling, newsmtscBorderCeiling}
	for k, id := range goldFrames {
		t.Logf("newsmtsc %-17s fires on %d of %d sentences", id, fired[k], n)
		if fired[k] > ceil[k] {
			t.Errorf("newsmtsc: %s fires on %d sentences > ceiling %d", id, fired[k], ceil[k])
		}
	}
}
