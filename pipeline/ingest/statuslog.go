package ingest

import (
	"encoding/binary"

	"github.com/framescope/framescope/analysis/packed"
)

// statusLog holds a run's statuses packed, because a corpus of a million
// files has a million of them and run.json must list every one: a Status
// value with its path costs about 100 bytes and pointers the garbage
// collector scans; a packed record costs its path plus a few bytes.
//
// A record is the path (uvarint length, bytes), the status (one byte, an
// index into statusWords), the line and the byte count (uvarints) and the
// reason (uvarint length, bytes), in a packed.Records. The few statuses
// replaced after they were recorded (a JSONL file's or a manifest's own
// status, completed at its end) are kept apart in replaced.
type statusLog struct {
	recs     packed.Records
	replaced map[int]Status
}

var statusWords = [...]string{StatusRead, StatusConverted, StatusSkipped, StatusWarning, StatusIgnored}

func statusCode(s string) byte {
	for i, w := range statusWords {
		if w == s {
			return byte(i)
		}
	}
	panic("ingest: unknown status " + s)
}

func (l *statusLog) len() int { return l.recs.Len() }

func (l *statusLog) add(s Status) int {
	code := statusCode(s.Status)
	return l.recs.Append(func(buf []byte) []byte {
		buf = binary.AppendUvarint(buf, uint64(len(s.Path)))
		buf = append(buf, s.Path...)
		buf = append(buf, code)
		buf = binary.AppendUvarint(buf, uint64(s.Line))
		buf = binary.AppendVarint(buf, s.Bytes)
		buf = binary.AppendUvarint(buf, uint64(len(s.Reason)))
		return append(buf, s.Reason...)
	})
}

func (l *statusLog) set(i int, s Status) {
	if l.replaced == nil {
		l.replaced = make(map[int]Status)
	}
	statusCode(s.Status) // the same check as add
	l.replaced[i] = s
}

func (l *statusLog) get(i int) Status {
	if s, ok := l.replaced[i]; ok {
		return s
	}
	rec := l.recs.At(i)
	next := func() []byte {
		n, k := binary.Uvarint(rec)
		field := rec[k : k+int(n)]
		rec = rec[k+int(n):]
		return field
	}
	var s Status
	s.Path = string(next())
	s.Status = statusWords[rec[0]]
	rec = rec[1:]
	line, k := binary.Uvarint(rec)
	s.Line = int(line)
	rec = rec[k:]
	s.Bytes, k = binary.Varint(rec)
	rec = rec[k:]
	if reason := next(); len(reason) > 0 {
		s.Reason = string(reason)
	}
	return s
}

// path returns status i's path.
func (l *statusLog) path(i int) string {
	if s, ok := l.replaced[i]; ok {
		return s.Path
	}
	rec := l.recs.At(i)
	n, k := binary.Uvarint(rec)
	return string(rec[k : k+int(n)])
}
