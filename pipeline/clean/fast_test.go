package clean

import (
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// The fast paths must give exactly what the plain library calls they replace
// give; these are the plain calls.
func normLineRef(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(foldQuotes.Replace(s)), " "))
}

func wordsRef(s string) int { return len(strings.Fields(s)) }

// sectionMenuRef is sectionMenu written with strings.Fields.
func sectionMenuRef(s string) bool {
	if len(s) > 200 {
		return false
	}
	ws := strings.Fields(s)
	if len(ws) < 4 {
		return false
	}
	known := 0
	for _, w := range ws {
		if w == "&" {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
		for _, c := range w {
			if !unicode.IsLetter(c) && c != '-' && c != '&' {
				return false
			}
		}
		if sectionWords[strings.ToLower(w)] {
			known++
		}
	}
	return known >= 3 && known*2 >= len(ws)
}

var fastCases = []string{
	"", " ", "  a  b  ", "Iran’s “Border” – Talks—Now", "\u00a0x\u0085y\u2003z\u3000", "ÀÉÎ \u212a ſ İ",
	"\xff\xfe a \xe2\x80", "tab\tnew\nline\r\v\f", "\ufffd", "’‘“”–—", "a\u200bb",
	"ALL RIGHTS RESERVED", "All Content by X", "CopyRight", "© 2018", "all materia", "(c) x",
	"COPYR\u0130GHT 2018", "Talks with the", "Talks with THE...", "x_the", "the2", "éthe", "Talks with thiſ", "Talks \u212aa",
	"a", "A!", "“We will act,” he said", "\"Go,\" Hatami said", "’ she told", "Talks including —",
	"TEHRAN (Tasnim) – x", "TÉHRAN – x", "T\u0301EHRAN: x", "Tehran – x", "ſaturday, Jan 5, 2018, The Iran Project – x", "Jan 5, X News – x",
	"5 January 2018, The Iran Project – x", "He can be REACHED at x", "He tweets @x", "John Smith is a writer.", "Dr  Mary\tAnn Lee-Smith was the editor of x", "John is a writer", "Dawn.com", "Tribune.COM", "The Express Tribune",
	"Inter Services Public Relations", "Ministry of Foreign Affairs", "MINISTRY OF X", "Iran-Pakistan relations", "Tehran Times\t",
	"Home Latest Pakistan World Business Sport Opinion", "Home  Latest\u00a0World & Business", "Home Latest World", "Home Latest World Business\xff",
	"dawn.com", "Dawn.COM", "\u212aarachi.pk", "a.b", "x y.com", "This content is for subscribers only.", "Continue reading with your account",
	"Soldiers stand guard near the border in Taftan, Balochistan, January 2024", "X MEETS Y in Tehran, Jan 5, 2018", "A \u212aing talks, 2019", "Seen here, May 2020", "Talks held, 2019",
	"Tehran, IRNA – x", "Zahedan, IRNA – Border", "ÉTÉ’s x-y, AFP: z", "To learn more about republishing this content", "I'm sure", "IMHO it is", "lol no", "Anyone know why?", "YOUR view", "you_r", "éi", "imo,", "mine!", "A Journal of Analysis and News", "Pakistan's\tleading English newspaper", "X no.1 news site", "THE VOICE OF the people", "Welcome to our live coverage", "Press TV's Ali Rizk reports from Tehran.",
	"Home | News | World", "Home / News / World", "a/b | c | d", "News/World", "ſtart > x", "x | y", "x » y › z", "a / b", "ALL RIGHTS RESERVED\u212a", "all  content", "xall contentx", "Copyright",
	"the border… Read more", "within... Continue reading", "suffered… (more…)", "said. Read More »", "x… Read the full story at dawn.com", "…read more", "more…", ". read  on", "x. full \u017ftory", "x… Read the full story at Dawn", "end at dawn.com.",
}

func TestFastPathsSame(t *testing.T) {
	t.Parallel() // one of the package's two slowest tests (every test string through every pattern)
	strs := append(prefilterStrings(t), fastCases...)
	for _, s := range strs {
		if got, want := normLine(s), normLineRef(s); got != want {
			t.Errorf("normLine(%q) = %q, want %q", s, got, want)
		}
		checkNormEqual(t, s)
		if got, want := words(s), wordsRef(s); got != want {
			t.Errorf("words(%q) = %d, want %d", s, got, want)
		}
		if got, want := hasLicenceWord(s), containsAny(strings.ToLower(s), licenceWords); got != want {
			t.Errorf("hasLicenceWord(%q) = %v, want %v", s, got, want)
		}
		checkTitleTests(t, s)
	}
}

// checkNormEqual compares normEqual(s, n) with normLine(s) == n for the
// norm of s and strings near it.
func checkNormEqual(t *testing.T, s string) {
	t.Helper()
	ref := normLineRef(s)
	for _, n := range []string{ref, ref + " ", ref + "a", "", "a", ref[:len(ref)/2], strings.TrimSuffix(ref, "a"), strings.ToUpper(ref)} {
		if got, want := normEqual(s, n), ref == n; got != want {
			t.Errorf("normEqual(%q, %q) = %v, want %v", s, n, got, want)
		}
	}
}

// checkTitleTests compares the hand-read title tests with their patterns.
func checkTitleTests(t *testing.T, s string) {
	t.Helper()
	if got, want := endsDangling(s), danglingEnd.MatchString(s); got != want {
		t.Errorf("endsDangling(%q) = %v, want %v", s, got, want)
	}
	if got, want := isAttributedQuote(s), attributedQuote.MatchString(s); got != want {
		t.Errorf("isAttributedQuote(%q) = %v, want %v", s, got, want)
	}
	for _, g := range []struct {
		name string
		got  bool
		re   *regexp.Regexp
	}{{"hasDateline", hasDateline(s), datelineRx}, {"hasDatedOutlet", hasDatedOutlet(s), datedOutletRx}, {"hasAuthorContact", hasAuthorContact(s), authorContact}} {
		if want := g.re.MatchString(s); g.got != want {
			t.Errorf("%s(%q) = %v, want %v", g.name, s, g.got, want)
		}
	}
	if authorBio.MatchString(s) && !mayBeAuthorBio(s) {
		t.Errorf("mayBeAuthorBio(%q) = false, but authorBio matches", s)
	}
	if got, want := readMoreTail(s), readMoreTailRef(s); got != want {
		t.Errorf("readMoreTail(%q) = %d, want %d", s, got, want)
	}
	if got, want := sectionMenu(s), sectionMenuRef(s); got != want {
		t.Errorf("sectionMenu(%q) = %v, want %v", s, got, want)
	}
	if got, want := isOutletName(s), outletName.MatchString(s) || officeName.MatchString(s) || officeOf.MatchString(s); got != want {
		t.Errorf("isOutletName(%q) = %v, want %v", s, got, want)
	}
	for _, rs := range [][]filteredRule{boilerplateRules, commentMetaRules} {
		for _, r := range rs {
			want := r.re.MatchString(s)
			if r.guard != nil && !r.guard(s) && want {
				t.Errorf("%s: guard rules out %q, which the pattern matches", r.rule, s)
			}
			if r.needs != nil && want && !containsAny(strings.ToLower(s), r.needs) {
				t.Errorf("%s: %q holds none of the needs %q, but the pattern matches", r.rule, s, r.needs)
			}
			if r.alts == nil {
				continue
			}
			got := false
			for _, a := range r.alts {
				may := a.pre.may(fold(s))
				m := a.re.MatchString(s)
				if m && !may {
					t.Errorf("%s: alternative %s: prefilter rules out %q", r.rule, a.re, s)
				}
				got = got || m
			}
			if got != want {
				t.Errorf("%s: alternatives match %q: %v, pattern: %v", r.rule, s, got, want)
			}
		}
	}
}

// needleLists are the word lists that run through a needleSet.
func needleLists() [][]string {
	lists := [][]string{{""}, {"a"}, {"ab", "b"}, licenceWords}
	for _, rs := range [][]filteredRule{boilerplateRules, commentMetaRules} {
		for _, r := range rs {
			lists = append(lists, r.needs)
			for _, a := range r.pre.alts {
				lists = append(lists, a.needles)
			}
		}
	}
	return lists
}

func checkNeedleSets(t *testing.T, lists [][]string, sets []*needleSet, s string) {
	t.Helper()
	have := bytesOf(s)
	for i, l := range lists {
		if got, want := sets[i].in(s, &have), containsAny(s, l); got != want {
			t.Errorf("needleSet(%q).in(%q) = %v, want %v", l, s, got, want)
		}
	}
}

func TestNeedleSet(t *testing.T) {
	lists := needleLists()
	var sets []*needleSet
	for _, l := range lists {
		sets = append(sets, newNeedleSet(l))
	}
	for _, s := range append(prefilterStrings(t), fastCases...) {
		checkNeedleSets(t, lists, sets, fold(s))
		checkNeedleSets(t, lists, sets, s)
	}
}

// indexedSets are the rules' needle sets that ruleNeedles indexes.
func indexedSets() []*needleSet {
	var out []*needleSet
	for _, rs := range [][]filteredRule{boilerplateRules, commentMetaRules} {
		for _, r := range rs {
			for _, n := range []*needleSet{r.needSet, r.pre.anyOf} {
				if n != nil && n.id >= 0 {
					out = append(out, n)
				}
			}
		}
	}
	return out
}

// checkIndexed checks that the one-pass index agrees with each set's own
// search.
func checkIndexed(t *testing.T, sets []*needleSet, s string) {
	t.Helper()
	have := bytesOf(s)
	all, long := foundSet{mask: ruleNeedles.find(s)}, foundSet{mask: longNeedles.find(s), long: true}
	for _, n := range sets {
		want := n.in(s, &have)
		if got := n.inFound(s, &have, &all); got != want {
			t.Errorf("set %d: inFound(%q) = %v, in = %v", n.id, s, got, want)
		}
		if got := n.inFound(s, &have, &long); got != want {
			t.Errorf("long set %d: inFound(%q) = %v, in = %v", n.longID, s, got, want)
		}
	}
}

func TestNeedleIndex(t *testing.T) {
	sets := indexedSets()
	if len(sets) < 20 {
		t.Fatalf("only %d indexed needle sets", len(sets))
	}
	for _, s := range append(prefilterStrings(t), fastCases...) {
		checkIndexed(t, sets, fold(s))
		checkIndexed(t, sets, s)
	}
}

func FuzzFastPaths(f *testing.F) {
	indexed := indexedSets()
	lists := needleLists()
	var sets []*needleSet
	for _, l := range lists {
		sets = append(sets, newNeedleSet(l))
	}
	for _, s := range fastCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := normLine(s), normLineRef(s); got != want {
			t.Errorf("normLine(%q) = %q, want %q", s, got, want)
		}
		checkNormEqual(t, s)
		if got, want := words(s), wordsRef(s); got != want {
			t.Errorf("words(%q) = %d, want %d", s, got, want)
		}
		checkNeedleSets(t, lists, sets, s)
		checkIndexed(t, indexed, s)
		checkTitleTests(t, s)
		if placeAgencyRx.MatchString(s) && !mayBePlaceAgency(s) {
			t.Errorf("mayBePlaceAgency(%q) = false, but placeAgencyRx matches", s)
		}
		if got, want := hasFirstPerson(s), firstPerson.MatchString(s); got != want {
			t.Errorf("hasFirstPerson(%q) = %v, want %v", s, got, want)
		}
		if got, want := chatty(s), firstPerson.MatchString(s) || informal.MatchString(s); got != want {
			t.Errorf("chatty(%q) = %v, want %v", s, got, want)
		}
		if got, want := creditedStop(s), dashCredit.MatchString(s); got != want {
			t.Errorf("creditedStop(%q) = %v, want %v", s, got, want)
		}
		if lowerIsFold(s) && strings.ToLower(s) != fold(s) {
			t.Errorf("lowerIsFold(%q), but ToLower gives %q and fold %q", s, strings.ToLower(s), fold(s))
		}
		if got, want := hasLicenceWord(s), containsAny(strings.ToLower(s), licenceWords); got != want {
			t.Errorf("hasLicenceWord(%q) = %v, want %v", s, got, want)
		}
	})
}

func TestCreditedStop(t *testing.T) {
	for _, s := range append(fastCases, "said on Monday. — AFP", "markets.—APP", "the al-Adl group", "”  –  Reuters", "x. -- Dawn", "end.\u00a0— AFP", "a — b", "“Go.” —Tasnim/Photo") {
		if got, want := creditedStop(s), dashCredit.MatchString(s); got != want {
			t.Errorf("creditedStop(%q) = %v, want %v", s, got, want)
		}
	}
}

// readMoreTailRef is readMoreTail by its definition: the pattern run on
// the whole of s.
func readMoreTailRef(s string) int {
	if m := readMoreAfterCut.FindStringSubmatchIndex(s); m != nil {
		return m[2]
	}
	return -1
}
