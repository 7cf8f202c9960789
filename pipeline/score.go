package pipeline

import (
	"math"
	"slices"
	"strconv"
	"sync"

	"github.com/framescope/framescope/analysis/frames"
	"github.com/framescope/framescope/analysis/token"
	"github.com/framescope/framescope/analysis/tone"
	"github.com/framescope/framescope/analysis/voice"
	"github.com/framescope/framescope/pipeline/clean"
	"github.com/framescope/framescope/pipeline/ingest"
)

// Models is what scoring reads besides the article: the codebook, its matcher
// and the tone scorer. It is built once per process and only read afterwards,
// so one Models serves every worker.
type Models struct {
	Codebook *frames.Codebook
	Matcher  *frames.Matcher
	Tone     tone.Scorer
}

// NewModels loads the codebook at path (the embedded default when path is "")
// and the tone scorer called toneName (tone.Default when "").
func NewModels(codebookPath, toneName string) (*Models, error) {
	cb := frames.Default()
	if codebookPath != "" {
		var err error
		if cb, err = frames.Load(codebookPath); err != nil {
			return nil, err
		}
	}
	if toneName == "" {
		toneName = tone.Default
	}
	ts, err := tone.New(toneName)
	if err != nil {
		return nil, err
	}
	// Load the tone models now (once per process), not inside the first
	// article's scoring.
	ts.Score("warm", token.All("warm"))
	return &Models{Codebook: cb, Matcher: frames.NewMatcher(cb), Tone: ts}, nil
}

// Origins of a metadata field, as recorded in articles.csv.
const (
	FromUnknown = "unknown"
	FromText    = "text"
)

// Field is one metadata value with where it came from: "manifest", "jsonl",
// "csv", "text" (and then how: "text:dateline"), or "unknown".
type Field struct{ Value, From string }

// Article is one scored article: its resolved metadata and its paragraphs.
type Article struct {
	Doc, Input string
	Line       int
	Encoding   string
	Source     Field
	Date       Field
	Title      Field
	URL        Field
	Year       int // 0 when unknown
	Extra      []ingest.Field
	Text       string
	Paras      []Paragraph
}

// Paragraph is one scored paragraph. Tones are NaN where there is nothing to
// score (ToneQuote of a paragraph with no quoted sentence).
type Paragraph struct {
	Index     int // 1-based within the article
	Span      token.Span
	Role      clean.Role
	Rule      string
	Voice     voice.Voice
	Speakers  []string
	Tone      float64
	ToneOut   float64 // the outlet's own sentences
	ToneQuote float64 // quoted or reported speech
	Frames    []frames.Decision
	Toward    []float64 // tone toward each codebook actor, NaN when not mentioned
	Scored    bool      // tone and frames were computed (body and comment paragraphs)
}

// Counts counts an article's paragraphs by role.
func (a *Article) Counts() map[clean.Role]int {
	m := map[clean.Role]int{}
	for _, p := range a.Paras {
		m[p.Role]++
	}
	return m
}

// YearString is the article's year, or "unknown".
func (a *Article) YearString() string {
	if a.Year == 0 {
		return "unknown"
	}
	return strconv.Itoa(a.Year)
}

// ScoreArticle cleans, segments and scores one article. It is a pure function
// of the article and the models: no I/O, no shared mutable state, so it can run
// on any worker, any machine, in any order.
func ScoreArticle(in ingest.Article, m *Models) Article {
	paras, found := clean.Article(in.Text, clean.Hints{Title: in.Meta.Title, Source: in.Meta.Source})
	a := Article{
		Doc:      in.Doc,
		Input:    in.Input,
		Line:     in.Line,
		Encoding: in.Encoding,
		Source:   resolve(in.Meta.Source, in.Meta.SourceFrom, found.Source, found.SourceHow),
		Date:     resolve(in.Meta.Date, in.Meta.DateFrom, found.Date, found.DateHow),
		Title:    resolve(in.Meta.Title, in.Meta.TitleFrom, found.Title, found.TitleHow),
		URL:      resolve(in.Meta.URL, in.Meta.URLFrom, "", ""),
		Extra:    in.Meta.Extra,
		Text:     in.Text,
	}
	if d, ok := ingest.ParseDate(a.Date.Value); ok {
		a.Year = d.Year
	}
	a.Paras = scoreParagraphs(in.Text, paras, m)
	return a
}

// scoreParagraphs tokenizes and scores the cleaned paragraphs of text: voice,
// frames, tone (whole, by voice, toward each actor) for the roles that get
// them.
func scoreParagraphs(text string, paras []clean.Paragraph, m *Models) []Paragraph {
	sc := scratchPool.Get().(*scoreScratch)
	defer scratchPool.Put(sc)
	if cap(sc.fparas) < len(paras) {
		sc.fparas = make([]frames.Para, len(paras))
	}
	fparas := sc.fparas[:len(paras)]
	defer clear(fparas) // let go of the article's tokens and sentences
	defer func() { clear(sc.attrs); sc.attrs = sc.attrs[:0] }()
	toks := sc.toks[:0]
	defer func() { sc.toks = toks[:0] }()
	for i, p := range paras {
		start := len(toks)
		toks = token.Tokenize(text, p.Span, toks)
		fparas[i] = frames.Para{
			Span:      p.Span,
			Sentences: p.Sentences,
			Tokens:    toks[start:len(toks):len(toks)],
			Decide:    scored(p.Role),
		}
	}
	results := m.Matcher.Article(text, fparas)
	nActors := len(m.Codebook.Actors)
	actorIndex := sc.actorIndex(m.Codebook)
	// the Toward values of every scored paragraph, in one allocation
	nScored := 0
	for _, fp := range fparas {
		if fp.Decide {
			nScored++
		}
	}
	towards := make([]float64, nScored*nActors)

	out := make([]Paragraph, len(paras))
	tp := &sc.para
	for i, p := range paras {
		fp := fparas[i]
		sp := Paragraph{
			Index: i + 1, Span: p.Span, Role: p.Role, Rule: p.Rule,
			Tone: math.NaN(), ToneOut: math.NaN(), ToneQuote: math.NaN(),
			Scored: fp.Decide,
		}
		sc.attrs = voice.AppendAttributeTokens(sc.attrs[:0], text, p.Span, p.Sentences, fp.Tokens)
		attrs := sc.attrs
		sp.Voice = voice.Of(attrs)
		sp.Speakers = speakers(attrs)
		if fp.Decide {
			tp.Reset(text, p.Span, fp.Tokens)
			sp.Tone = tp.Score(m.Tone)
			sp.ToneOut, sp.ToneQuote = toneByVoice(tp, m.Tone, sp.Tone, p.Sentences, attrs)
			sp.Frames = results[i].Frames
			if nActors > 0 {
				sp.Toward = toward(towards[:nActors:nActors], tp, results[i].Mentions, actorIndex)
				towards = towards[nActors:]
			}
		}
		out[i] = sp
	}
	return out
}

// scoreScratch is a worker's working space for scoreParagraphs: the
// article's tokens and the tone scorers' shared work. Nothing scored keeps a
// reference to it.
type scoreScratch struct {
	toks   []token.Token
	fparas []frames.Para
	para   tone.Para
	attrs  []voice.Attribution // a paragraph's

	codebook *frames.Codebook // whose actors index holds
	index    map[string]int
}

// actorIndex returns the index of each of cb's actors in cb.Actors.
func (sc *scoreScratch) actorIndex(cb *frames.Codebook) map[string]int {
	if sc.codebook != cb {
		sc.codebook = cb
		sc.index = make(map[string]int, len(cb.Actors))
		for i, act := range cb.Actors {
			sc.index[act.ID] = i
		}
	}
	return sc.index
}

var scratchPool = sync.Pool{New: func() any { return new(scoreScratch) }}

// scored reports whether paragraphs of a role get tone and frames: body text,
// and reader comments (reported apart from the outlet's figures).
func scored(r clean.Role) bool { return r == clean.Body || r == clean.Comment }

func resolve(given, givenFrom, found, foundHow string) Field {
	switch {
	case given != "":
		return Field{given, givenFrom}
	case found != "":
		from := FromText
		if foundHow != "" {
			from += ":" + foundHow
		}
		return Field{found, from}
	}
	return Field{"", FromUnknown}
}

// speakers lists the speakers named in attrs, each once, in order; nil when
// none is.
func speakers(attrs []voice.Attribution) []string {
	var out []string
	var seen map[string]bool // once out is long
	for _, a := range attrs {
		switch {
		case a.Speaker == "":
			continue
		case seen != nil:
			if seen[a.Speaker] {
				continue
			}
			seen[a.Speaker] = true
		case slices.Contains(out, a.Speaker):
			continue
		case len(out) >= 16:
			seen = make(map[string]bool, 2*len(out))
			for _, s := range out {
				seen[s] = true
			}
			seen[a.Speaker] = true
		}
		out = append(out, a.Speaker)
	}
	return out
}

// toneByVoice scores the outlet's own sentences and the quoted ones of a
// paragraph separately, from the paragraph's tokens. A scorer gets the text it
// scores (the sentences joined) and their tokens; a paragraph in one voice
// reuses its whole tone.
func toneByVoice(tp *tone.Para, s tone.Scorer, whole float64, sents []token.Span, attrs []voice.Attribution) (outlet, quote float64) {
	nq := 0
	for i := range sents {
		if i < len(attrs) && attrs[i].Voice == voice.Quote {
			nq++
		}
	}
	switch nq {
	case 0:
		return whole, math.NaN()
	case len(sents):
		return math.NaN(), whole
	}
	var buf [16]token.Span
	own, quoted := buf[:0:len(buf)/2], buf[len(buf)/2:len(buf)/2]
	for i, sp := range sents {
		if i < len(attrs) && attrs[i].Voice == voice.Quote {
			quoted = append(quoted, sp)
		} else {
			own = append(own, sp)
		}
	}
	return tp.ScoreSentences(s, own), tp.ScoreSentences(s, quoted)
}

// toward sets out[i] to the average tone toward actor i over its mentions in
// a paragraph, NaN when it has none, and returns out.
func toward(out []float64, tp *tone.Para, mentions []frames.Mention, index map[string]int) []float64 {
	var cntBuf [32]int
	var cnt []int
	if len(out) > len(cntBuf) {
		cnt = make([]int, len(out))
	} else {
		cnt = cntBuf[:len(out)]
	}
	clear(out)
	for _, mn := range mentions {
		i, ok := index[mn.Actor]
		if !ok {
			continue
		}
		out[i] += tp.Toward(mn.Sentence, mn.Start, mn.End)
		cnt[i]++
	}
	for i := range out {
		if cnt[i] > 0 {
			out[i] /= float64(cnt[i])
		} else {
			out[i] = math.NaN()
		}
	}
	return out
}
