package callreport

import "strings"

// extensionSet numbers the numbers in an extension's role (the callto of a leg that
// rings it, the callfrom of a leg it places), so that per-leg data refers to one with
// an int32. Those the names map lists, or all when it is empty, are extensions.
type extensionSet struct {
	keys      []uint64 // packed or dictionary key of each
	numbers   []string // as written
	names     []string // display name, "" when not in the names map
	listed    []bool   // an extension of the per-extension figures
	index     map[uint64]int32
	fromNames bool // the names map decides which numbers are extensions
}

func newExtensionSet(names map[string]string, dict *dictionary) extensionSet {
	e := extensionSet{index: make(map[uint64]int32, len(names)), fromNames: len(names) > 0}
	for number, name := range names {
		number = strings.TrimSpace(number)
		if number == "" {
			continue
		}
		k := extKey(number, dict)
		if _, dup := e.index[k]; !dup {
			e.add(k, number, name, true)
		}
	}
	return e
}

func extKey(number string, dict *dictionary) uint64 {
	if k, ok := packDigits([]byte(number)); ok {
		return k
	}
	return dict.key([]byte(number))
}

func (e *extensionSet) add(k uint64, number, name string, listed bool) int32 {
	i := int32(len(e.keys))
	e.keys, e.numbers, e.names = append(e.keys, k), append(e.numbers, number), append(e.names, name)
	e.listed = append(e.listed, listed)
	e.index[k] = i
	return i
}

// lookup returns the number of key k, adding it if new; -1 for key 0 (none).
func (e *extensionSet) lookup(k uint64, dict *dictionary) int32 {
	if k == 0 {
		return -1
	}
	if i, ok := e.index[k]; ok {
		return i
	}
	return e.add(k, dict.text(k), "", !e.fromNames)
}

// indexLegs sets each leg's numbers: looked up in parts on every CPU in the index as
// the names made it (read-only meanwhile), then the numbers it lacks added in one pass.
func (e *extensionSet) indexLegs(c *Calls, d *rowData, order []int32, dict *dictionary) {
	const unknown = -2
	c.legFrom, c.legTo = make([]int32, len(order)), make([]int32, len(order))
	known := newKeyTable(e.keys)
	find := func(k uint64) int32 {
		if k == 0 {
			return -1
		}
		if i, ok := known.get(k); ok {
			return i
		}
		return unknown
	}
	c.split.run(len(order), func(lo, hi int) {
		for k, r := range order[lo:hi] {
			c.legFrom[lo+k], c.legTo[lo+k] = find(d.fromExt[r]), find(d.toExt[r])
		}
	})
	for k, r := range order {
		if c.legFrom[k] == unknown {
			c.legFrom[k] = e.lookup(d.fromExt[r], dict)
		}
		if c.legTo[k] == unknown {
			c.legTo[k] = e.lookup(d.toExt[r], dict)
		}
	}
}

// keyTable finds the number of a key among the few hundred of an extension set, for
// two million lookups: open addressing in a power-of-two table at most half full,
// several times faster than a map. Key 0 marks an empty slot (it is "none", never
// numbered).
type keyTable struct {
	keys  []uint64
	index []int32
	shift uint // 64 - log2(len(keys)): the top bits of a key's hash pick its slot
}

func newKeyTable(keys []uint64) keyTable {
	bits := uint(4)
	for 1<<bits < 2*len(keys) {
		bits++
	}
	t := keyTable{keys: make([]uint64, 1<<bits), index: make([]int32, 1<<bits), shift: 64 - bits}
	for i, k := range keys {
		s := t.slot(k)
		for t.keys[s] != 0 {
			s = (s + 1) & (len(t.keys) - 1)
		}
		t.keys[s], t.index[s] = k, int32(i)
	}
	return t
}

func (t *keyTable) slot(k uint64) int { return int(k * 0x9e3779b97f4a7c15 >> t.shift) }

// get returns the number of key k (not 0).
func (t *keyTable) get(k uint64) (int32, bool) {
	for s := t.slot(k); ; s = (s + 1) & (len(t.keys) - 1) {
		switch t.keys[s] {
		case k:
			return t.index[s], true
		case 0:
			return 0, false
		}
	}
}
