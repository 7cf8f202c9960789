package report

import (
	"fmt"
	"io"
	"strings"
	"testing"
)

// bigData is a report the size of a large run: 40 outlets × 3 frames, 50
// listed paragraphs per cell (6,000 paragraphs), 2,000 inputs.
func bigData() Data {
	d := sampleData()
	d.Cells = nil
	text := strings.Repeat("Officials in Tehran and Islamabad spoke of Muslim unity and border security. ", 6)
	for o := range 40 {
		for _, f := range []string{"border_security", "muslim_unity", "us_israel_threat"} {
			c := Cell{Source: fmt.Sprintf("Outlet %02d", o), Frame: f, Value: "0.31 [0.20, 0.42]", N: 80, More: 30}
			for p := range 50 {
				c.Paragraphs = append(c.Paragraphs, Evidence{
					Doc: fmt.Sprintf("outlet-%02d/%04d.txt", o, p), Para: p + 1, Text: text,
					Highlights: [][2]int{{43, 55}, {60, 75}, {120, 132}}, Terms: []string{"muslim unity", "border security"},
					Voice: "official", Tone: "+0.12",
				})
			}
			d.Cells = append(d.Cells, c)
		}
	}
	d.Record.Inputs = nil
	for i := range 2000 {
		d.Record.Inputs = append(d.Record.Inputs, Input{Path: "corpus.jsonl", Line: i + 1, Status: "processed"})
	}
	return d
}

func BenchmarkWriteHTML(b *testing.B) {
	d := bigData()
	b.ReportAllocs()
	for b.Loop() {
		if err := WriteHTML(io.Discard, d); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWriteTeX(b *testing.B) {
	var tables []Table
	for i := range 20 {
		t := Table{ID: fmt.Sprintf("t%d", i), Caption: "Shares by outlet & frame", Header: []string{"Outlet", "Frame", "Share", "95% CI"}}
		for o := range 40 {
			t.Rows = append(t.Rows, []string{fmt.Sprintf("Outlet_%02d", o), "muslim_unity", "−0.31", "[−0.42, 0.20]"})
		}
		tables = append(tables, t)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := WriteTeX(io.Discard, tables); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSplitHighlights(b *testing.B) {
	text := strings.Repeat("Officials spoke of Muslim unity. ", 20)
	hl := [][2]int{{300, 312}, {19, 31}, {52, 64}, {19, 25}}
	b.ReportAllocs()
	for b.Loop() {
		splitHighlights(text, hl)
	}
}
