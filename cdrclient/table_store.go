package cdrclient

import "errors"

// Sizes of the Table's storage. A year of a busy office is ~130 MB of CSV and a
// million rows, so raw bytes live in 1 MiB chunks (no doubling copy, no 2× peak) and
// the index lives in fixed pages (growing never copies, slack is at most one page).
const (
	chunkSize      = 1 << 20  // raw bytes per ordinary chunk
	firstChunkSize = 32 << 10 // the first chunks are smaller, doubling up to chunkSize
	slotShift      = 20       // the virtual address space is cut in slots of chunkSize
	maxSlots       = 1 << (32 - slotShift)
	pageShift      = 12 // index entries per page: 1<<pageShift
	pageMask       = 1<<pageShift - 1
)

// errTooLarge stops a Table before its 32-bit index would overflow (4 GiB of CSV,
// about thirty years of a busy office).
var errTooLarge = errors.New("cdrclient: CSV too large to keep in memory (over 4 GiB)")

// paged is an append-only array stored in fixed pages.
type paged[T uint16 | uint32] struct {
	pages [][]T
	n     int
}

func (p *paged[T]) push(v T) {
	if p.n&pageMask == 0 {
		p.pages = append(p.pages, make([]T, 1<<pageShift))
	}
	p.pages[p.n>>pageShift][p.n&pageMask] = v
	p.n++
}

// pushInts appends vals, which the caller guarantees fit in T.
func (p *paged[T]) pushInts(vals []int) {
	for len(vals) > 0 {
		if p.n&pageMask == 0 {
			p.pages = append(p.pages, make([]T, 1<<pageShift))
		}
		page := p.pages[p.n>>pageShift][p.n&pageMask:]
		k := min(len(page), len(vals))
		for i, v := range vals[:k] {
			page[i] = T(v)
		}
		p.n += k
		vals = vals[k:]
	}
}

func (p *paged[T]) at(i int) T { return p.pages[i>>pageShift][i&pageMask] }

// rawStore keeps the input byte for byte in chunks. Rows never straddle chunks, so a
// row is addressed by one 32-bit virtual offset: every chunk owns whole slots of a
// 4 GiB virtual space, and slots maps a slot back to its chunk in O(1).
type rawStore struct {
	chunkSize int // size of an ordinary chunk; tests make it tiny to exercise chunk moves
	chunks    [][]byte
	bases     []uint32 // virtual offset of each chunk's first byte
	slots     []int32  // chunk index of each slot
}

// addChunk appends an empty chunk of the given capacity.
func (r *rawStore) addChunk(capacity int) error {
	need := (capacity + 1<<slotShift - 1) >> slotShift
	if len(r.slots)+need > maxSlots {
		return errTooLarge
	}
	r.bases = append(r.bases, uint32(len(r.slots))<<slotShift)
	for range need {
		r.slots = append(r.slots, int32(len(r.chunks)))
	}
	r.chunks = append(r.chunks, make([]byte, 0, capacity))
	return nil
}

// growLast replaces the last chunk by a larger copy, for a row longer than a chunk.
// The chunk keeps its base, so the offsets already handed out stay valid.
func (r *rawStore) growLast(capacity int) error {
	last := len(r.chunks) - 1
	need := (capacity+1<<slotShift-1)>>slotShift - (cap(r.chunks[last])+1<<slotShift-1)>>slotShift
	if len(r.slots)+need > maxSlots {
		return errTooLarge
	}
	for range need {
		r.slots = append(r.slots, int32(last))
	}
	bigger := make([]byte, len(r.chunks[last]), capacity)
	copy(bigger, r.chunks[last])
	r.chunks[last] = bigger
	return nil
}

func (r *rawStore) last() []byte { return r.chunks[len(r.chunks)-1] }

func (r *rawStore) lastBase() uint32 { return r.bases[len(r.bases)-1] }

// locate returns the chunk holding virtual offset v and v's index in it.
func (r *rawStore) locate(v uint32) ([]byte, int) {
	c := r.slots[v>>slotShift]
	return r.chunks[c], int(v - r.bases[c])
}

func (r *rawStore) size() int64 {
	var n int64
	for _, c := range r.chunks {
		n += int64(len(c))
	}
	return n
}
