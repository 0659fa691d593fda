package cdrclient

import (
	"bytes"
	"math/rand/v2"
	"testing"
)

// FuzzJoiner cuts the input into windows at the bytes 0x00 and checks the joined
// output against tables of the windows (see checkJoin). Windows are also given the
// same header, so rows from several windows really join.
func FuzzJoiner(f *testing.F) {
	addFuzzSeeds(f, func(b []byte) { f.Add(b, uint64(1)) })
	f.Add([]byte("a,b\r\n1,2\x00a,b\n3,\"4\"\x00\x00\xef\xbb\xbfa,b\r\n5"), uint64(2))
	f.Fuzz(func(t *testing.T, data []byte, seed uint64) {
		rnd := rand.New(rand.NewPCG(seed, 0))
		var bodies, sameHeader []string
		for _, b := range bytes.Split(data, []byte{0}) {
			bodies = append(bodies, string(b))
			sameHeader = append(sameHeader, "a,b\r\n"+string(b))
		}
		checkJoin(t, bodies, rnd)
		checkJoin(t, sameHeader, rnd)
	})
}
