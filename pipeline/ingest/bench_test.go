package ingest

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// benchText is an article of about 3 KB.
var benchText = strings.Repeat("Pakistan and Iran agreed on Tuesday to expand border security cooperation, officials said. ", 32) + "\n"

// benchCorpus writes n articles as a folder (with a manifest) and as JSONL.
func benchCorpus(b *testing.B, n int) (folder, jsonl string) {
	b.Helper()
	dir := b.TempDir()
	folder = filepath.Join(dir, "txt")
	var manifest, js strings.Builder
	manifest.WriteString("file,source,date,url,title\n")
	for i := range n {
		name := fmt.Sprintf("outlet%02d/%04d/%06d.txt", i%30, 2010+i%16, i)
		text := fmt.Sprintf("Article %d. %s", i, benchText)
		writeFile(b, folder, name, []byte(text))
		fmt.Fprintf(&manifest, "%s,Outlet %d,%d-03-04,,\n", name, i%30, 2010+i%16)
		fmt.Fprintf(&js, `{"id":"a%d","source":"Outlet %d","date":"%d-03-04","text":%q}`+"\n", i, i%30, 2010+i%16, text)
	}
	writeFile(b, folder, "manifest.csv", []byte(manifest.String()))
	jsonl = writeFile(b, dir, "corpus.jsonl", []byte(js.String()))
	return folder, jsonl
}

func benchRead(b *testing.B, path string) {
	var bytes int64
	for b.Loop() {
		r, err := Open(path, Options{})
		if err != nil {
			b.Fatal(err)
		}
		bytes = 0
		for r.Scan() {
			bytes += int64(len(r.Article().Text))
		}
		r.Close()
	}
	b.SetBytes(bytes)
}

func BenchmarkFolder(b *testing.B) {
	folder, _ := benchCorpus(b, 1000)
	b.ReportAllocs()
	benchRead(b, folder)
}

func BenchmarkJSONL(b *testing.B) {
	_, jsonl := benchCorpus(b, 1000)
	b.ReportAllocs()
	benchRead(b, jsonl)
}

func BenchmarkCSV(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("id,source,date,text\n")
	for i := range 1000 {
		fmt.Fprintf(&sb, "a%d,Outlet %d,%d-03-04,\"Article %d. %s\"\n", i, i%30, 2010+i%16, i, benchText)
	}
	path := writeFile(b, b.TempDir(), "corpus.csv", []byte(sb.String()))
	b.ReportAllocs()
	benchRead(b, path)
}

func BenchmarkDecode(b *testing.B) {
	data := []byte(benchText)
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		d := decodeBytes(data)
		finishText(&d)
	}
}
