// Package frames finds framing in news paragraphs with a codebook: a YAML file
// of frames (terms, groups of terms, rules that combine them, exclusions, a
// threshold) and actors, embedded as the default (default.yaml, documented in
// CODEBOOK.md) and replaceable by the user's own file, a LIWC-style .dic or a
// quanteda-style YAML dictionary.
//
// A Matcher compiles every pattern of a codebook into one trie over token
// forms (exact forms in hash tables, wildcard prefixes in a byte trie), so a
// paragraph's tokens are read once whatever the size of the codebook. A
// paragraph is scored sentence by sentence: a sentence's score for a frame is
// the sum of the weights of its un-negated term hits and fired rules; the
// paragraph's score is its best sentence's, and the frame is On when that
// reaches the frame's threshold. Rules with a context are decided after the
// whole article has been read, so that "the enemies" count as the US/Israel
// only in articles that tie them to the US/Israel. Every decision keeps its
// evidence (Hit) with byte offsets into the article.
package frames
