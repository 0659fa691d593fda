package place

import "testing"

func TestSplitPasswordAndBack(t *testing.T) {
	for _, tc := range []struct{ in, without, password string }{
		{"postgres://cdr:s3cret@db.example:5432/cdr?sslmode=require", "postgres://cdr@db.example:5432/cdr?sslmode=require", "s3cret"},
		{"postgresql://cdr:p%40ss%2Fw@db/cdr", "postgresql://cdr@db/cdr", "p@ss/w"},
		{"postgres://cdr@db/cdr", "postgres://cdr@db/cdr", ""},
		{`C:\Users\王\archive.db`, `C:\Users\王\archive.db`, ""},
	} {
		without, pw := SplitPassword(tc.in)
		if without != tc.without || pw != tc.password {
			t.Errorf("SplitPassword(%q) = %q, %q; want %q, %q", tc.in, without, pw, tc.without, tc.password)
		}
		if back := WithPassword(without, pw); back != tc.in {
			t.Errorf("WithPassword(%q) = %q, want %q", without, back, tc.in)
		}
	}
	if got := WithPassword("postgres://cdr:kept@db/cdr", "other"); got != "postgres://cdr:kept@db/cdr" {
		t.Errorf("a password given was replaced: %q", got)
	}
}
