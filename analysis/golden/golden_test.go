package golden

import (
	"os"
	"path/filepath"
	"testing"
)

// recorder is a testing.TB that records failures instead of stopping.
type recorder struct {
	testing.TB
	failed bool
}

func (r *recorder) Helper()               {}
func (r *recorder) Errorf(string, ...any) { r.failed = true }
func (r *recorder) Fatalf(string, ...any) { r.failed = true }
func (r *recorder) Fatal(...any)          { r.failed = true }

func TestCheck(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "x.txt")
	tests := []struct {
		name       string
		got        string
		update     bool
		wantFailed bool
		wantGot    bool
	}{
		{"missing file fails", "a", false, true, false},
		{"update writes", "a", true, false, false},
		{"same bytes pass", "a", false, false, false},
		{"different bytes fail and leave .got", "b", false, true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			os.Remove(path + ".got")
			r := &recorder{TB: t}
			Check(r, path, []byte(tt.got), tt.update)
			if r.failed != tt.wantFailed {
				t.Errorf("failed = %v, want %v", r.failed, tt.wantFailed)
			}
			_, err := os.Stat(path + ".got")
			if (err == nil) != tt.wantGot {
				t.Errorf(".got written = %v, want %v", err == nil, tt.wantGot)
			}
		})
	}
}
