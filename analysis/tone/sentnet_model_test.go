package tone

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/framescope/framescope/analysis/token"
)

// Sentence composition beyond a mean (issue 4): a sentence's words pooled
// element-wise (the mean, the largest and the smallest value of each
// dimension of their word vectors) and the valences of VADER's rules pooled
// the same way (the most negative and the most positive word, before and
// after the rules, the words a negation turned, the tone after a contrast
// word), for a ridge or a small network beside newsvec's features; and a
// pooling network whose word channels are learnt. None beat newsvec where it
// was not fitted (TestSentNetExperiments has the table), so this is test
// code: the models, their features and a compact vector file format
// (parseSentVecs, writeSentVecs: 30,000 words × 16 int8 components, about
// 0.54 MB gzipped) are here for the experiments and for a later attempt.

// The lexicon pooling features of a sentence, summed over a text's k
// sentences and divided by √k like the news features.
const (
	lMax    = iota // largest rule-adjusted valence of a word (≥ 0), /4
	lMin           // smallest (≤ 0), /4
	lMaxLex        // largest lexicon valence before the rules (≥ 0), /4
	lMinLex        // smallest (≤ 0), /4
	lTurned        // words whose valence a rule turned to the other sign (negation), /√words
	lAfter         // rule valence after the last contrast word ("but", "however", …), /4
	lBefore        // rule valence before it (0 without one), /4
	lMinPos        // where the most negative word stands, 0 (first word) … 1 (last); 0 without one
	lMaxPos        // where the most positive word stands
	nLexPool
)

// contrastWord reports whether w opens a clause that outweighs what came
// before it.
func contrastWord(w string) bool {
	switch w {
	case "but", "however", "nevertheless", "nonetheless", "although", "though":
		return true
	}
	return false
}

// lexPool adds to f the lexicon pooling features of one sentence: its
// tokens, their rule-adjusted valences val and the lexicon entries of its
// words (ruleValences).
func lexPool(f []float64, toks []token.Token, val []float64, infos []*wordInfo) {
	var mx, mn, mxLex, mnLex, after, before float64
	turned := 0
	mxAt, mnAt := -1, -1
	wi := 0
	lastContrast := -1
	for i, t := range toks {
		if t.Kind == token.Word && contrastWord(t.Norm) {
			lastContrast = i
		}
	}
	nw := len(infos)
	for i, t := range toks {
		if t.Kind != token.Word {
			continue
		}
		inf := infos[wi]
		v := val[i]
		if v > mx {
			mx, mxAt = v, wi
		}
		if v < mn {
			mn, mnAt = v, wi
		}
		if inf != nil && inf.flags&inLex != 0 && inf.flags&isBooster == 0 {
			mxLex, mnLex = max(mxLex, inf.val), min(mnLex, inf.val)
			if v*inf.val < 0 {
				turned++
			}
		}
		if lastContrast >= 0 && i > lastContrast {
			after += v
		} else {
			before += v
		}
		wi++
	}
	if lastContrast < 0 {
		after, before = before, 0
	}
	f[lMax] += mx / 4
	f[lMin] += mn / 4
	f[lMaxLex] += mxLex / 4
	f[lMinLex] += mnLex / 4
	if nw > 0 {
		f[lTurned] += float64(turned) / math.Sqrt(float64(nw))
	}
	f[lAfter] += after / 4
	f[lBefore] += before / 4
	pos := func(at int) float64 {
		if at < 0 || nw < 2 {
			return 0
		}
		return float64(at) / float64(nw-1)
	}
	f[lMinPos] += pos(mnAt)
	f[lMaxPos] += pos(mxAt)
}

// sentVecs are word vectors reduced by PCA and quantised to int8: word w's
// value in dimension d is q[row(w)·dim+d]·scale[d].
type sentVecs struct {
	dim   int
	scale []float64
	row   map[string]int32
	q     []int8
}

// lookup returns the row of a token's Norm, or of the form the vectors list
// it under (vecStem).
func (v *sentVecs) lookup(norm string) (int, bool) {
	if r, ok := v.row[norm]; ok {
		return int(r), true
	}
	if st := vecStem(norm); st != "" {
		if r, ok := v.row[st]; ok {
			return int(r), true
		}
	}
	return 0, false
}

// vecPool adds to f (3·dim values: the mean, the largest and the smallest of
// each dimension) the pooled vectors of one sentence's tokens; a sentence
// without a word that has a vector adds nothing.
func (v *sentVecs) vecPool(f []float64, toks []token.Token) {
	mean, mx, mn := f[:v.dim], f[v.dim:2*v.dim], f[2*v.dim:3*v.dim]
	var sum, hi, lo [64]float64
	n := 0
	for _, t := range toks {
		if t.Kind != token.Word {
			continue
		}
		r, ok := v.lookup(t.Norm)
		if !ok {
			continue
		}
		q := v.q[r*v.dim : (r+1)*v.dim]
		for d, x := range q {
			y := float64(x) * v.scale[d]
			sum[d] += y
			if n == 0 || y > hi[d] {
				hi[d] = y
			}
			if n == 0 || y < lo[d] {
				lo[d] = y
			}
		}
		n++
	}
	if n == 0 {
		return
	}
	for d := range v.dim {
		mean[d] += sum[d] / float64(n)
		mx[d] += hi[d]
		mn[d] += lo[d]
	}
}

// maxSentDim is the most dimensions sentVecs may have (vecPool's buffers).
const maxSentDim = 64

// parseSentVecs reads gzipped sentence vectors: a header line "sentvec
// <words> <dim>", a line of dim scales, the words one a line, then
// words·dim int8 bytes. Errors name the file.
func parseSentVecs(data []byte, name string) (*sentVecs, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	br := bufio.NewReader(zr)
	line := 0
	next := func() (string, error) {
		line++
		s, err := br.ReadString('\n')
		if err != nil {
			return "", fmt.Errorf("%s:%d: %v", name, line, err)
		}
		return strings.TrimSuffix(s, "\n"), nil
	}
	head, err := next()
	if err != nil {
		return nil, err
	}
	var nw, dim int
	if _, err := fmt.Sscanf(head, "sentvec %d %d", &nw, &dim); err != nil || nw <= 0 || dim <= 0 || dim > maxSentDim {
		return nil, fmt.Errorf("%s:1: want \"sentvec <words> <dim ≤ %d>\"", name, maxSentDim)
	}
	sl, err := next()
	if err != nil {
		return nil, err
	}
	fs := strings.Fields(sl)
	if len(fs) != dim {
		return nil, fmt.Errorf("%s:2: want %d scales, got %d", name, dim, len(fs))
	}
	v := &sentVecs{dim: dim, scale: make([]float64, dim), row: make(map[string]int32, nw), q: make([]int8, nw*dim)}
	for d, s := range fs {
		if v.scale[d], err = strconv.ParseFloat(s, 64); err != nil {
			return nil, fmt.Errorf("%s:2: %v", name, err)
		}
	}
	for r := range nw {
		w, err := next()
		if err != nil {
			return nil, err
		}
		if w == "" {
			return nil, fmt.Errorf("%s:%d: empty word", name, line)
		}
		if _, dup := v.row[w]; dup {
			return nil, fmt.Errorf("%s:%d: word %q twice", name, line, w)
		}
		v.row[w] = int32(r)
	}
	buf := make([]byte, len(v.q))
	if _, err := io.ReadFull(br, buf); err != nil {
		return nil, fmt.Errorf("%s: vectors: %v", name, err)
	}
	for i, b := range buf {
		v.q[i] = int8(b)
	}
	if _, err := br.ReadByte(); err != io.EOF {
		return nil, fmt.Errorf("%s: data after the vectors", name)
	}
	return v, nil
}

// writeSentVecs writes v in parseSentVecs's format, the words in the order
// words gives them (each must be in v).
func writeSentVecs(w io.Writer, v *sentVecs, words []string) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	fmt.Fprintf(bw, "sentvec %d %d\n", len(words), v.dim)
	for d, s := range v.scale {
		if d > 0 {
			bw.WriteByte(' ')
		}
		bw.WriteString(strconv.FormatFloat(s, 'g', -1, 64))
	}
	bw.WriteByte('\n')
	for _, word := range words {
		bw.WriteString(word)
		bw.WriteByte('\n')
	}
	for _, word := range words {
		r := int(v.row[word])
		for _, x := range v.q[r*v.dim : (r+1)*v.dim] {
			bw.WriteByte(byte(x))
		}
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// sentFeatures writes the features of toks into out: the news features
// (nFeat), the lexicon pooling ones (nLexPool), then, when sv is not nil, the
// pooled vectors (3·sv.dim); each a sum over the k sentences divided by √k.
// out must hold sentWidth(sv) values.
func sentFeatures(lx *lexicon, sv *sentVecs, toks []token.Token, out []float64) {
	clear(out)
	var f [nFeat]float64
	var sc scratch
	val := sc.vals(len(toks))
	tinfo := lookupAll(lx, toks, sc.tinfos(len(toks)))
	words, infos := sc.wordsBuf[:0], sc.infosBuf[:0]
	lp := out[nFeat : nFeat+nLexPool]
	k := 0
	for i := 0; i < len(toks); {
		j := sentenceEnd(toks, i)
		var s sentenceValence
		s, words, infos = ruleValences(toks[i:j], tinfo[i:j], val[i:j], words[:0], infos[:0])
		addFeatures(&f, toks[i:j], val[i:j], infos, s)
		lexPool(lp, toks[i:j], val[i:j], infos)
		if sv != nil {
			sv.vecPool(out[nFeat+nLexPool:], toks[i:j])
		}
		k++
		i = j
	}
	scaleFeatures(&f, k)
	copy(out, f[:])
	if k > 1 {
		s := 1 / math.Sqrt(float64(k))
		for i := nFeat; i < len(out); i++ {
			out[i] *= s
		}
	}
}

// sentWidth is the number of features sentFeatures writes with sv.
func sentWidth(sv *sentVecs) int {
	if sv == nil {
		return nFeat + nLexPool
	}
	return nFeat + nLexPool + 3*sv.dim
}

// mlp is a network of one hidden layer with a linear path beside it:
// score = tanh(b + u·z + v·tanh(W·z + c)), z the standardised inputs
// (x−mean)/sd of the features in cols.
type mlp struct {
	cols     []int
	mean, sd []float64
	w        [][]float64 // hidden × inputs
	c, v     []float64   // hidden
	u        []float64   // inputs
	b        float64
}

// apply returns the network's score of the full feature vector x.
func (m *mlp) apply(x []float64) float64 {
	var zb [256]float64
	z := zb[:0]
	for k, i := range m.cols {
		s := 0.0
		if m.sd[k] > 0 {
			s = (x[i] - m.mean[k]) / m.sd[k]
		}
		z = append(z, s)
	}
	return m.applyZ(z)
}

// applyZ is apply of standardised inputs z.
func (m *mlp) applyZ(z []float64) float64 {
	a := m.b
	for k, s := range z {
		a += m.u[k] * s
	}
	for h, wh := range m.w {
		t := m.c[h]
		for k, s := range z {
			t += wh[k] * s
		}
		a += m.v[h] * math.Tanh(t)
	}
	return clamp1(math.Tanh(a))
}

// sentBag is one sentence's words that have a vector: their rows in a
// sentVecs and whether a negation reaches them (negated).
type sentBag struct {
	rows []int32
	neg  []bool
}

// sentBags returns the bags of toks's sentences, one per sentence (empty
// for a sentence without a word that has a vector).
func sentBags(lx *lexicon, sv *sentVecs, toks []token.Token) []sentBag {
	var sc scratch
	tinfo := lookupAll(lx, toks, sc.tinfos(len(toks)))
	var out []sentBag
	var infos []*wordInfo
	for i := 0; i < len(toks); {
		j := sentenceEnd(toks, i)
		infos = infos[:0]
		var idx []int
		for k := i; k < j; k++ {
			if toks[k].Kind == token.Word {
				infos = append(infos, tinfo[k])
				idx = append(idx, k)
			}
		}
		var b sentBag
		for wi, k := range idx {
			if r, ok := sv.lookup(toks[k].Norm); ok {
				b.rows = append(b.rows, int32(r))
				b.neg = append(b.neg, negated(infos, wi))
			}
		}
		out = append(out, b)
		i = j
	}
	return out
}

// poolNet scores a text from its news features and its words' vectors: C
// channels each read a word as s = a·v + bias (times neg when a negation
// reaches it), pooled over a sentence's words as their mean, largest and
// smallest value; a text's pooled values are the sum over its k sentences
// divided by √k. The score is tanh(head.b + head.u·z + q·pooled), z the
// standardised news features of head.cols.
type poolNet struct {
	head mlp // no hidden layer: the linear path over the news features
	a    [][]float64
	bias []float64
	neg  []float64
	q    []float64 // 3 per channel: mean, max, min
}

// pooled writes the 3·C pooled values of bags into p.
func (n *poolNet) pooled(sv *sentVecs, bags []sentBag, p []float64) {
	clear(p)
	k := 0
	for _, b := range bags {
		k++
		if len(b.rows) == 0 {
			continue
		}
		for c, a := range n.a {
			var sum, hi, lo float64
			for m, r := range b.rows {
				s := n.bias[c]
				q := sv.q[int(r)*sv.dim : (int(r)+1)*sv.dim]
				for d, x := range q {
					s += a[d] * float64(x) * sv.scale[d]
				}
				if b.neg[m] {
					s *= n.neg[c]
				}
				sum += s
				if m == 0 || s > hi {
					hi = s
				}
				if m == 0 || s < lo {
					lo = s
				}
			}
			p[3*c] += sum / float64(len(b.rows))
			p[3*c+1] += hi
			p[3*c+2] += lo
		}
	}
	if k > 1 {
		s := 1 / math.Sqrt(float64(k))
		for i := range p {
			p[i] *= s
		}
	}
}

// apply returns the score of a text with full features x (sentFeatures)
// and sentence bags bags.
func (n *poolNet) apply(sv *sentVecs, x []float64, bags []sentBag) float64 {
	var pb [48]float64
	p := pb[:3*len(n.a)]
	n.pooled(sv, bags, p)
	a := n.head.b
	for k, i := range n.head.cols {
		if n.head.sd[k] > 0 {
			a += n.head.u[k] * (x[i] - n.head.mean[k]) / n.head.sd[k]
		}
	}
	for j, v := range p {
		a += n.q[j] * v
	}
	return clamp1(math.Tanh(a))
}
