package frames

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/framescope/framescope/analysis/token"
)

// testCodebook exercises every feature of the language on a small scale.
const testCodebook = `
name: test
negation:
  window: 3
  cues: [not, no, never]
  breakers: [but, stop]
actors:
  - id: us
    label: United States
    terms: [{pattern: US, case: true}, united states, washington]
    exclude: [washington post]
  - id: israel
    label: Israel
    terms: [israel, zionist regime]
frames:
  - id: threat
    label: Threat
    threshold: 1
    terms:
      - great satan
      - {pattern: maximum pressure, weight: 0.5}
    groups:
      - id: actor
        actors: [us, israel]
      - id: cue
        terms: [threat*, destabili*, plot*, sanction*]
      - id: proxy
        terms: [enemies, hegemonic system]
      - id: condemn
        terms: [us condemned]
    rules:
      - id: actor_cue
        all: [actor, cue]
        none: [condemn]
      - id: near
        all: [actor, cue]
        within: 2
        weight: 0.5
      - id: proxy_ctx
        all: [proxy]
        context: actor_cue
  - id: border
    label: Border
    terms: [border security, sistan-baluchestan]
    exclude: [border security forum]
    groups:
      - id: border
        terms: [border]
      - id: cue
        terms: [militants]
      - id: elsewhere
        terms: [afghan border]
      - id: iran
        terms: [iran]
    rules:
      - id: border_cue
        all: [border, cue]
        unless: elsewhere
      - id: border_cue_iran
        all: [border, cue, iran]
        context: elsewhere
      - id: again
        all: [cue]
        context: border_cue
  - id: us_shape
    label: Case
    terms: [{pattern: US, case: true}]
  - id: topic
    label: Topic without negation
    negation: false
    terms: [unity, brothers|sisters in faith|islam]
`

func testMatcher(t testing.TB) *Matcher {
	t.Helper()
	cb, err := Parse("test.yaml", []byte(testCodebook))
	if err != nil {
		t.Fatal(err)
	}
	return NewMatcher(cb)
}

// oneArticle builds an article from sentences, each its own paragraph; a
// sentence starting with "H:" is a headline (not decided).
func oneArticle(sents ...string) (string, []Para) {
	var b strings.Builder
	var paras []Para
	for _, s := range sents {
		decide := true
		if rest, ok := strings.CutPrefix(s, "H:"); ok {
			s, decide = rest, false
		}
		sp := token.Span{Start: b.Len()}
		b.WriteString(s)
		sp.End = b.Len()
		b.WriteString("\n\n")
		paras = append(paras, Para{Span: sp, Decide: decide})
	}
	text := b.String()
	for i := range paras {
		paras[i].Tokens = token.Tokenize(text, paras[i].Span, nil)
	}
	return text, paras
}

func TestMatcherFeatures(t *testing.T) {
	m := testMatcher(t)
	tests := []struct {
		name  string
		sents []string
		frame string
		para  int     // which paragraph to check
		want  bool    // its decision
		score float64 // its score, when > 0
		terms string  // the non-negated hits' terms, joined with "|"
	}{
		{"phrase", []string{"He spoke of the Great Satan."}, "threat", 0, true, 1, "great satan"},
		{"weighted term below threshold", []string{"The maximum pressure policy."}, "threat", 0, false, 0.5, "maximum pressure"},
		{"wildcard", []string{"Washington seeks to destabilize the region."}, "threat", 0, true, 1, "washington + destabili*"},
		{"wildcard plural", []string{"Israel's plots failed."}, "threat", 0, true, 1.5, "israel + plot*|israel + plot*"},
		{"case-sensitive US", []string{"The US imposed sanctions."}, "threat", 0, true, 1.5, "US + sanction*|US + sanction*"},
		{"case-sensitive dotted", []string{"The U.S. imposed new sanctions."}, "threat", 0, true, 1, "US + sanction*"},
		{"lower-case us is a pronoun", []string{"Sanctions hurt us."}, "threat", 0, false, 0, ""},
		{"case-only frame rejects Us", []string{"Us and them."}, "us_shape", 0, false, 0, ""},
		{"co-occurrence needs both", []string{"Washington hosted a meeting."}, "threat", 0, false, 0, ""},
		{"co-occurrence within window", []string{"Washington's sanctions."}, "threat", 0, true, 1.5, "washington + sanction*|washington + sanction*"},
		{"cue far from actor", []string{"Washington, in a long statement issued late on Friday, mentioned sanctions."}, "threat", 0, true, 1, "washington + sanction*"},
		{"co-occurrence is per sentence", []string{"Washington spoke."}, "threat", 0, false, 0, ""},
		{"actor exclusion", []string{"The Washington Post reported threats."}, "threat", 0, false, 0, ""},
		{"frame exclusion", []string{"The border security forum met."}, "border", 0, false, 0, ""},
		{"hyphen optional", []string{"Sistan Baluchestan province."}, "border", 0, true, 1, "sistan-baluchestan"},
		{"none group blocks rule", []string{"US condemned the threat."}, "threat", 0, false, 0, ""},
		{"negation", []string{"Israel is not a threat."}, "threat", 0, false, 0, ""},
		{"negation by n't", []string{"Israel isn't a threat."}, "threat", 0, false, 0, ""},
		{"negation out of window", []string{"Israel did not say a word about threats."}, "threat", 0, true, 1, "israel + threat*"},
		{"negation broken by breaker", []string{"Israel does not stop plotting."}, "threat", 0, true, 1, "israel + plot*"},
		{"negation broken by comma", []string{"No, Israel plots."}, "threat", 0, true, 1.5, "israel + plot*|israel + plot*"},
		{"negation off for a topic frame", []string{"There is no unity."}, "topic", 0, true, 1, "unity"},
		{"context from another paragraph", []string{"Enemies are everywhere.", "The US plots."}, "threat", 0, true, 1, "enemies"},
		{"context from headline", []string{"H:US threats grow", "Enemies are everywhere."}, "threat", 1, true, 1, "enemies"},
		{"headline not decided", []string{"H:US threats grow"}, "threat", 0, false, 1.5, "US + threat*|US + threat*"},
		{"no context without tie", []string{"Enemies are everywhere.", "The US hosted talks."}, "threat", 0, false, 0, ""},
		{"unless: no veto", []string{"Militants crossed the border."}, "border", 0, true, 2, "border + militants|militants"},
		{"unless: vetoed by another paragraph", []string{"Militants crossed the border.", "H:Attack on Afghan border posts"}, "border", 0, false, 0, ""},
		{"unless: the other rule in that article", []string{"Militants crossed the border from Iran.", "H:Attack on Afghan border posts"}, "border", 0, true, 1, "border + militants + iran"},
		{"context on an unless rule", []string{"H:Militants on the border", "Militants fled."}, "border", 1, true, 1, "militants"},
		{"context on a vetoed rule", []string{"H:Militants on the border", "Militants fled.", "The Afghan border."}, "border", 1, false, 0, ""},
		{"alternatives", []string{"They are sisters in Islam."}, "topic", 0, true, 1, "brothers|sisters in faith|islam"},
		{"alternatives one per word", []string{"They are brothers and sisters."}, "topic", 0, false, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, paras := oneArticle(tt.sents...)
			res := m.Article(text, paras)
			fi := m.Codebook().FrameIndex(tt.frame)
			d := res[tt.para].Frames[fi]
			if d.On != tt.want {
				t.Errorf("On = %v, want %v (hits %v)", d.On, tt.want, hitTerms(d.Hits))
			}
			if tt.score > 0 && d.Score != tt.score {
				t.Errorf("Score = %v, want %v (hits %v)", d.Score, tt.score, hitTerms(d.Hits))
			}
			var terms []string
			for _, h := range d.Hits {
				if !h.Negated {
					terms = append(terms, h.Term)
				}
			}
			if got := strings.Join(terms, "|"); got != tt.terms {
				t.Errorf("terms = %q, want %q", got, tt.terms)
			}
		})
	}
}

func TestNegatedHitsReported(t *testing.T) {
	m := testMatcher(t)
	text, paras := oneArticle("Israel is not a threat.")
	d := m.Article(text, paras)[0].Frames[0]
	if len(d.Hits) == 0 || !d.Hits[0].Negated || d.Score != 0 {
		t.Fatalf("want a negated hit and score 0, got %+v", d)
	}
	if got := text[d.Hits[0].Start:d.Hits[0].End]; got != "Israel is not a threat" {
		t.Errorf("hit covers %q", got)
	}
}

func TestHitsSortedAndInSentence(t *testing.T) {
	m := NewMatcher(Default())
	text := "Enemies plot. The US and the Zionist regime plot to destabilise the region and impose sanctions. Border security along the border with Iran matters."
	sents := []token.Span{{Start: 0, End: 13}, {Start: 14, End: 95}, {Start: 96, End: len(text)}}
	p := Para{Span: token.Span{Start: 0, End: len(text)}, Sentences: sents, Tokens: token.All(text), Decide: true}
	res := m.Article(text, []Para{p})
	for fi, d := range res[0].Frames {
		for i, h := range d.Hits {
			if i > 0 && d.Hits[i-1].Start > h.Start {
				t.Errorf("frame %d: hits not sorted by Start", fi)
			}
			if !h.Sentence.Contains(token.Span{Start: h.Start, End: h.End}) {
				t.Errorf("hit %+v outside its sentence", h)
			}
		}
	}
	if !res[0].Frames[Default().FrameIndex("us_israel_threat")].On || !res[0].Frames[Default().FrameIndex("border_security")].On {
		t.Errorf("want threat and border on: %+v", res[0].Frames)
	}
}

func TestMentions(t *testing.T) {
	m := NewMatcher(Default())
	text, paras := oneArticle("The U.S. and Israel met Pakistan's envoy in Tehran; the Washington Post said so.")
	var got []string
	for _, mt := range m.Article(text, paras)[0].Mentions {
		got = append(got, mt.Actor+"="+text[mt.Start:mt.End])
	}
	want := "us=U.S. israel=Israel pakistan=Pakistan iran=Tehran"
	if strings.Join(got, " ") != want {
		t.Errorf("mentions %q, want %q", strings.Join(got, " "), want)
	}
}

func TestKWIC(t *testing.T) {
	text := "Iran’s defence chief said a plot\nis underway by the hegemonic system to destabilize the region."
	start := strings.Index(text, "hegemonic system")
	h := Hit{Start: start, End: start + len("hegemonic system")}
	tests := []struct {
		name  string
		width int
		want  string
	}{
		{"wide", 200, "Iran’s defence chief said a plot is underway by the [hegemonic system] to destabilize the region."},
		{"narrow", 12, "… by the [hegemonic system] to …"},
		{"zero", 0, "… [hegemonic system] …"},
		{"negative is zero", -5, "… [hegemonic system] …"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := KWIC(text, h, tt.width); got != tt.want {
				t.Errorf("KWIC = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestKWICOddHits: hits the matcher never produces (inside a character, out
// of the text, reversed) and text that is not UTF-8 give a line, not a panic.
func TestKWICOddHits(t *testing.T) {
	text := "Iran’s défense chief" // ’ is bytes 4-6, é 10-11
	tests := []struct {
		name       string
		text       string
		start, end int
		width      int
		want       string
	}{
		{"starts inside a character", text, 5, 9, 0, "… [\x80\x99s ] …"},
		{"ends inside a character", text, 0, 5, 0, "[Iran\xe2] …"},
		{"inside one character, wide", text, 5, 6, 3, "… [\x80]\x99s …"},
		{"past the end", text, 30, 40, 5, "… chief[]"},
		{"reversed", text, 9, 2, 2, "… [] …"},
		{"negative", text, -4, -1, 0, "[] …"},
		{"continuation bytes only", "\x80\x80\x80\x80\x80\x80", 3, 4, 2, "… [\x80]\x80\x80"},
		{"empty text", "", 0, 3, 10, "[]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := KWIC(tt.text, Hit{Start: tt.start, End: tt.end}, tt.width)
			if got != tt.want {
				t.Errorf("KWIC = %q, want %q", got, tt.want)
			}
		})
	}
}

// FuzzKWIC: any text, hit and width give a line without panicking, the one
// kwicRef gives; the hit's bytes (clamped to the text) appear in it in
// brackets, whitespace folded.
func FuzzKWIC(f *testing.F) {
	f.Add("Iran’s défense chief said", 5, 9, 0)
	f.Add("\x80\x80\x80\xe2\x80\x99x", 2, 3, 1)
	f.Add("plain text here", 6, 10, 3)
	f.Add("", -1, 5, -2)
	f.Fuzz(func(t *testing.T, text string, start, end, width int) {
		got := KWIC(text, Hit{Start: start, End: end}, width%1000)
		if want := kwicRef(text, Hit{Start: start, End: end}, width%1000); got != want {
			t.Fatalf("KWIC(%q, %d, %d, %d) = %q, kwicRef %q", text, start, end, width, got, want)
		}
		s, e := max(0, min(start, len(text))), max(0, min(end, len(text)))
		hit := ""
		if s < e {
			hit = strings.Join(strings.Fields(text[s:e]), " ")
		}
		if !strings.Contains(got, hit) || !strings.Contains(got, "[") || !strings.Contains(got, "]") {
			t.Fatalf("KWIC(%q, %d, %d, %d) = %q lacks [%q]", text, start, end, width, got, hit)
		}
	})
}

func TestDefaultCodebook(t *testing.T) {
	cb := Default()
	if got := strings.Join(cb.FrameIDs(), ","); got != "us_israel_threat,muslim_unity,border_security" {
		t.Errorf("frames %s", got)
	}
	if len(cb.Hash) != 64 || cb.Format != "framescope" || cb.Name != "framescope-default" {
		t.Errorf("name %q hash %q format %q", cb.Name, cb.Hash, cb.Format)
	}
	for _, f := range cb.Frames {
		if f.Label == "" || f.Description == "" || len(f.Sources) == 0 {
			t.Errorf("frame %s lacks a label, description or sources", f.ID)
		}
	}
	again, err := Parse("x.yaml", DefaultSource())
	if err != nil || again.Hash != cb.Hash {
		t.Errorf("DefaultSource does not parse to the same codebook: %v", err)
	}
}

func TestConcurrentUse(t *testing.T) {
	m := NewMatcher(Default())
	text, paras := oneArticle("The US plots against Muslims.", "Border guards patrol the border.")
	want := m.Article(text, paras)
	done := make(chan bool)
	for range 4 {
		go func() {
			ok := true
			for range 50 {
				got := m.Article(text, paras)
				for i := range got {
					for f := range got[i].Frames {
						if got[i].Frames[f].On != want[i].Frames[f].On || len(got[i].Frames[f].Hits) != len(want[i].Frames[f].Hits) {
							ok = false
						}
					}
				}
			}
			done <- ok
		}()
	}
	for range 4 {
		if !<-done {
			t.Error("concurrent results differ")
		}
	}
}

// TestDefaultNoDuplicates keeps the default codebook tidy: no pattern twice in
// one list (patterns that differ only in hyphens or case are the same).
func TestDefaultNoDuplicates(t *testing.T) {
	key := func(tm Term) string {
		phrases, err := compileTerm(tm.Pattern)
		if err != nil {
			t.Fatalf("line %d: %v", tm.Line, err)
		}
		var b strings.Builder
		for _, toks := range phrases {
			for _, p := range toks {
				b.WriteString(p.norm)
				if p.wild {
					b.WriteByte('*')
				}
				b.WriteByte(' ')
			}
			b.WriteByte('|')
		}
		if tm.Case {
			b.WriteString(tm.Pattern)
		}
		return b.String()
	}
	check := func(where string, terms []Term) {
		seen := map[string]int{}
		for _, tm := range terms {
			k := key(tm)
			if l, ok := seen[k]; ok {
				t.Errorf("%s: %q at line %d repeats line %d", where, tm.Pattern, tm.Line, l)
			}
			seen[k] = tm.Line
		}
	}
	cb := Default()
	for _, a := range cb.Actors {
		check("actor "+a.ID, a.Terms)
		check("actor "+a.ID+" exclude", a.Exclude)
	}
	for _, f := range cb.Frames {
		check(f.ID+" terms", f.Terms)
		check(f.ID+" exclude", f.Exclude)
		for _, g := range f.Groups {
			check(f.ID+" group "+g.ID, g.Terms)
		}
	}
	check("negation cues", cb.Negation.Cues)
	check("negation breakers", cb.Negation.Breakers)
}

// TestDefaultCodebookCases pins the default codebook's behaviour on typical
// hard cases: neutral mentions, labels, trade at the border, terrorism with no
// border, negations. Each sentence is its own article.
func TestDefaultCodebookCases(t *testing.T) {
	m := NewMatcher(Default())
	tests := []struct {
		name, sentence string
		want           string // on frames: t = us_israel_threat, u = muslim_unity, b = border_security
	}{
		{"neutral US visit", "The US deputy secretary of state met the foreign minister in Islamabad on Monday.", ""},
		{"US dollar", "The rupee fell against the US dollar for the third day.", ""},
		{"US fights terrorism with Pakistan", "Washington supports Pakistan's counterterrorism efforts and the fight against terrorism.", ""},
		{"US condemns an attack", "The United States strongly condemned the attack and offered condolences.", ""},
		{"pronoun us", "Let us work together for peace.", ""},
		{"Washington Post", "The Washington Post reported that threats were rising.", ""},
		{"sanctions", "Washington's unilateral sanctions have hurt ordinary Iranians.", "t"},
		{"US-backed terrorists", "Iran says the terrorists are backed by the United States.", "t"},
		{"Israel aggression", "Pakistan condemned the Israeli aggression against Iran.", "t"},
		{"Great Satan", "The crowd chanted slogans against the Great Satan.", "t"},
		{"negated threat", "Pakistan said the United States is not a threat to the region.", ""},
		{"never bow to pressure", "Iran will never bow to American pressure.", "t"},
		{"Islamic Republic label", "The Islamic Republic of Iran and Pakistan signed a trade deal.", ""},
		{"Muslim-majority label", "Pakistan is a Muslim-majority country of 240 million people.", ""},
		{"Muslim Brotherhood organisation", "Egypt banned the Muslim Brotherhood in 2013.", ""},
		{"ummah", "The Muslim ummah must stand united.", "u"},
		{"division among Muslims", "Enemies seek to sow division among Muslims.", "u"},
		{"United Nations is not unity", "Muslim countries raised the issue at the United Nations.", ""},
		{"border trade", "The border markets at Mand will boost trade between the two countries.", ""},
		{"border length", "Pakistan shares a 900-kilometre border with Iran.", ""},
		{"terrorism without border", "Terrorism remains the biggest threat to the country, the minister said.", ""},
		{"Afghan border fence", "Pakistan has fenced most of its border with Afghanistan to stop militants.", ""},
		{"border guards", "Four Iranian border guards were killed in Saravan.", "b"},
		{"fence on the Iran border", "Pakistan is fencing its border with Iran to stop smuggling.", "b"},
		{"Jaish al-Adl", "Jaish al-Adl claimed the attack.", "b"},
		{"economic border", "The two sides want to turn the border into an economic border.", "b"},
		{"Balochistan militants", "Militants killed six soldiers in Balochistan's Kech district.", "b"},
		{"floods in Balochistan", "Floods killed 20 people in Balochistan's Jhal Magsi district.", ""},
		{"Israel as target", "The war began after Hamas attacked Israel on October 7.", ""},
		{"Israel as target and author", "Iran's missile attack on Israel followed weeks of Israeli aggression.", "t"},
		{"smuggled Iranian fuel", "Customs seized 20,000 litres of smuggled Iranian diesel near Quetta.", "b"},
		{"Islamic Solidarity Games", "Pakistan won three medals at the Islamic Solidarity Games.", ""},
		{"no right to interfere", "The US has no right to interfere in the region.", "t"},
		{"food security", "Floods have worsened food security in Balochistan and Sindh.", ""},
		{"strike a deal", "The US and Pakistan hope to strike a deal on trade next month.", ""},
		{"Israeli strike", "An Israeli strike killed 20 people in Gaza.", "t"},
		{"identity appeal", "As Muslim countries, Iran and Pakistan must raise their voice for Palestine.", "u"},
		{"Barbara is not barbaric", "What can you learn from Barbara Bush?", ""},
		{"harmony is not harm", "Washington praised the harmony between the two countries.", ""},
		{"Bashir is not bashing", "US envoy met Bashir Ahmed in Islamabad.", ""},
		{"urgent is not urged", "Muslims in Gaza need urgent aid.", ""},
		{"Baloch as a surname", "Spokesperson Mumtaz Zahra Baloch said Pakistan condemns terrorism in all its forms.", ""},
		{"Baloch militants", "Baloch separatists attacked a police station.", "b"},
		{"two frames", "Iran accused Israel of backing the Jaish al-Adl militants who attacked border posts.", "tb"},
		// Round 2: general rules prompted by held-out sets 2 and 3.
		{"US as critic of Iran", "Washington accused Tehran of arming the rebels in Yemen.", ""},
		{"sanctions waiver", "The United States extended a sanctions waiver for Iraq's electricity imports.", ""},
		{"US troops as target", "Drones attacked a base hosting US troops in Syria.", ""},
		{"US named terrorist", "Iran's parliament labelled the US army a terrorist organisation.", "t"},
		{"against the US", "Thousands marched against the United States in Karachi.", "t"},
		{"missiles against Israel", "Iran fired missiles against Israel in April.", ""},
		{"harm verbs", "Israel razed entire neighbourhoods and destroyed hospitals.", "t"},
		{"support of the Muslim world", "Pakistan sought the backing of the Islamic world for the Palestinian cause.", "u"},
		{"enemies of Islam against closeness", "The enemies of Islam fear closer ties between Tehran and Islamabad.", "u"},
		{"the whole Islamic world", "The fall of Al-Quds would be a wound for the whole Islamic world.", "u"},
		{"troops into the neighbour", "Tehran threatened to send forces into Pakistan to hunt the kidnappers.", "b"},
		{"havens named with both", "Iran says the bombers operate from hideouts in Pakistan.", "b"},
		{"Afghan havens", "Pakistan says TTP militants have safe havens in Afghanistan.", ""},
		{"Baloch nationalist party", "The Baloch nationalist party won four seats in the provincial assembly.", ""},
		{"lawless frontier", "The frontier with Iran is long and lawless.", "b"},
		{"US travel advisory", "The State Department warned American citizens against travel to Balochistan.", ""},
		{"US official condemns", "The White House condemned the bombing of the mosque in Peshawar.", ""},
		{"US base as target", "Tehran denied any role in the attack on the US base in Jordan.", ""},
		{"strikes traded", "Iran and Pakistan traded strikes on militant hideouts last week.", "b"},
		{"crossing closed for security", "Officials closed the crossing for security reasons after the attack.", "b"},
		{"complicity family", "Washington's unconditional support has emboldened the occupiers.", "t"},
		{"pooled strength", "Muslim nations must pool their resources to defend Palestine.", "u"},
		{"act as one", "Muslim leaders must act as one.", "u"},
		{"duty of the Islamic world", "The Islamic world has a responsibility toward the people of Gaza.", "u"},
		{"a Muslim's duty is not unity", "It is the duty of every Muslim to pray five times a day.", ""},
		{"Afghan border in Balochistan", "Pakistan has fenced its border with Afghanistan in northern Balochistan.", ""},
	}
	ids := map[string]byte{"us_israel_threat": 't', "muslim_unity": 'u', "border_security": 'b'}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, paras := oneArticle(tt.sentence)
			res := m.Article(text, paras)[0]
			var got []byte
			var hits []string
			for fi, d := range res.Frames {
				if d.On {
					got = append(got, ids[m.Codebook().Frames[fi].ID])
				}
				hits = append(hits, hitTerms(d.Hits)...)
			}
			if string(got) != tt.want {
				t.Errorf("frames %q, want %q (hits %v)", got, tt.want, hits)
			}
		})
	}
}

func TestKidTable(t *testing.T) {
	for _, n := range []int{0, 1, 2, 3, 7, 100, 1000} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			var kt kidTable
			nodes := map[string]*node{}
			for i := range n {
				k := fmt.Sprintf("w%d", i)
				nodes[k] = &node{}
				kt.put(k, nodes[k])
			}
			if int(kt.n) != n {
				t.Fatalf("n = %d, want %d", kt.n, n)
			}
			if len(kt.slots) > 0 && 2*n > len(kt.slots) {
				t.Errorf("%d keys in %d slots: more than half full", n, len(kt.slots))
			}
			for k, want := range nodes {
				if got := kt.get(k, formHash(k)); got != want {
					t.Errorf("get(%q) = %p, want %p", k, got, want)
				}
			}
			for _, k := range []string{"", "w", fmt.Sprintf("w%d", n), "x0"} {
				if got := kt.get(k, formHash(k)); got != nil {
					t.Errorf("get(%q) = %p, want nil", k, got)
				}
			}
			seen := 0
			kt.each(func(k string, c *node) {
				seen++
				if nodes[k] != c {
					t.Errorf("each: %q → %p, want %p", k, c, nodes[k])
				}
			})
			if seen != n {
				t.Errorf("each visited %d keys, want %d", seen, n)
			}
		})
	}
}

// Every exact root key passes the root filter (it may pass others too).
func TestRootFilterNoFalseNegatives(t *testing.T) {
	m := NewMatcher(Default())
	n := 0
	m.root.exact.each(func(k string, _ *node) {
		n++
		if !m.mayBeRoot(k) {
			t.Errorf("root key %q rejected by the filter", k)
		}
	})
	if n == 0 {
		t.Fatal("no root keys")
	}
}

// walkWild reports whether a root wildcard matches a prefix of the form s,
// by walking the root's wildcard trie byte by byte (what scan does after
// mayBeWild and mayBeWild3 let s through).
func walkWild(m *Matcher, s string) bool {
	wi := m.root.exact.wi
	for b := 0; wi != 0 && b < len(s); b++ {
		if wi = m.wchild(wi, s[b]); wi != 0 && m.wn[wi].next != nil {
			return true
		}
	}
	return false
}

// The root wildcard filters (mayBeWild by two bytes, then mayBeWild3 by
// three) reject no form that a root wildcard matches, with wildcards of one
// to four bytes before the star, in phrases and alone, and reject most forms
// that no wildcard starts.
func TestRootWildFilterNoFalseNegatives(t *testing.T) {
	const short = `
frames:
  - id: x
    terms: ["a*", "ab*", "xy*", "pqr*", "pqrs*", "mno*", "z* gate", "longer*", "longest word*", "é*", "ñu*"]
`
	tests := []struct {
		name, src string
		hits      []string // forms some root wildcard matches
		misses    []string // forms none does
	}{
		{"test codebook", testCodebook,
			[]string{"threat", "threats", "threatening", "destabilize", "plot", "plots", "sanctions"},
			[]string{"the", "to", "thr", "thre", "threa", "destab", "plo", "pl", "p", "sanc", "x"}},
		{"short wildcards", short,
			[]string{"a", "ab", "abc", "azzz", "xy", "xyz", "pqr", "pqrs", "pqrst", "mno", "mnop", "z", "zebra", "longer", "é", "éa", "ñu", "ñuñu"},
			[]string{"b", "x", "xa", "xzy", "pq", "pqa", "pqx", "mn", "mna", "long", "longe", "longest", "ñ", "ña"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cb, err := Parse("x.yaml", []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			m := NewMatcher(cb)
			for _, s := range tt.hits {
				if !walkWild(m, s) {
					t.Errorf("%q: no root wildcard matches it (bad test)", s)
				}
				if !m.mayBeWild(s) || !m.mayBeWild3(s) {
					t.Errorf("%q: a root wildcard matches it, but mayBeWild or mayBeWild3 rejects it", s)
				}
			}
			for _, s := range tt.misses {
				if walkWild(m, s) {
					t.Errorf("%q: a root wildcard matches it (bad test)", s)
				}
			}
		})
	}
	// The default codebook, on the forms of the seeds and of the coded sets
	// and on every prefix of them.
	m := NewMatcher(Default())
	files, _ := filepath.Glob(filepath.Join("..", "..", "seeds", "*.txt"))
	more, _ := filepath.Glob(filepath.Join("testdata", "*.txt"))
	files = append(files, more...)
	seen := map[string]bool{}
	var matched, rejected, walked int
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, tk := range token.All(string(data)) {
			for n := 1; n <= len(tk.Norm); n++ {
				s := tk.Norm[:n]
				if seen[s] {
					continue
				}
				seen[s] = true
				walk := walkWild(m, s)
				if walk {
					matched++
				}
				if !m.mayBeWild(s) || !m.mayBeWild3(s) {
					rejected++
					if walk {
						t.Errorf("%q: a root wildcard matches it, but mayBeWild or mayBeWild3 rejects it", s)
					}
				} else if !walk {
					walked++
				}
			}
		}
	}
	if matched == 0 || rejected == 0 {
		t.Fatalf("%d forms matched, %d rejected: the test reads no text", matched, rejected)
	}
	t.Logf("%d forms: %d matched by a root wildcard, %d rejected by the filter, %d let through in vain", len(seen), matched, rejected, walked)
}
