package ingest_test

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/framescope/framescope/pipeline/ingest"
)

func ExampleOpen() {
	dir, _ := os.MkdirTemp("", "corpus")
	defer os.RemoveAll(dir)
	_ = os.WriteFile(filepath.Join(dir, "manifest.csv"), []byte("file,source,date\na.txt,Dawn,2019-03-04\nb.txt,Mehr,2017-13\n"), 0o644)
	_ = os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Iran and Pakistan agreed to more patrols.\n"), 0o644)
	_ = os.WriteFile(filepath.Join(dir, "b.txt"), []byte("Caf\xe9 talk.\n"), 0o644) // Windows-1252
	_ = os.WriteFile(filepath.Join(dir, "c.txt"), nil, 0o644)

	r, err := ingest.Open(dir, ingest.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer r.Close()
	for r.Scan() {
		a := r.Article()
		fmt.Printf("%s %q source=%q date=%q (%s)\n", a.Doc, a.Text, a.Meta.Source, a.Meta.Date, a.Encoding)
	}
	if err := r.Err(); err != nil {
		fmt.Println(err)
	}
	for _, s := range r.Statuses() {
		fmt.Println(s)
	}
	// Output:
	// a.txt "Iran and Pakistan agreed to more patrols.\n" source="Dawn" date="2019-03-04" (utf-8)
	// b.txt "Café talk.\n" source="Mehr" date="" (windows-1252)
	// manifest.csv: read: manifest: 2 rows, 1 with problems (see their lines)
	// manifest.csv:3: warning: unparseable date "2017-13" (want YYYY, YYYY-MM or YYYY-MM-DD): date left empty
	// a.txt: read
	// b.txt: converted: decoded as Windows-1252 (not valid UTF-8)
	// c.txt: skipped: empty
}

func ExampleParseDate() {
	for _, s := range []string{"2017", "2017-11", "2017-11-07", "2017-11-07T09:30:00Z", "2023-02-29", "Nov 2017"} {
		d, ok := ingest.ParseDate(s)
		fmt.Printf("%q → %q %v\n", s, d, ok)
	}
	// Output:
	// "2017" → "2017" true
	// "2017-11" → "2017-11" true
	// "2017-11-07" → "2017-11-07" true
	// "2017-11-07T09:30:00Z" → "2017-11-07" true
	// "2023-02-29" → "" false
	// "Nov 2017" → "" false
}
