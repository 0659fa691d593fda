package callreport

import (
	"fmt"
	"testing"
)

// TestOnlyPeopleWithAMissedCallAreSorted: the call-back search sorts the calls of the
// people with a missed call only, found through a filter of number hashes that also
// lets others through. A person whose number shares the hash of a missed caller's
// must still get no run (and every figure stays the reference's).
func TestOnlyPeopleWithAMissedCallAreSorted(t *testing.T) {
	missed, other := hashTwins(t)
	const row = "%d.%d,2025-03-03 %s,%s,%s,20,%d,Telecom,,%s,%s,,,,369392534749\n"
	csv := "callid,timestart,callfrom,callto,callduraction,talkduraction,srctrunkname,dsttrunkname,status,type,pincode,recording,didnumber,sn\n" +
		fmt.Sprintf(row, 1740996000, 1, "10:00:00", missed, "1006", 0, "NO ANSWER", "Inbound") +
		fmt.Sprintf(row, 1740996060, 2, "10:01:00", other, "1006", 15, "ANSWERED", "Inbound") +
		fmt.Sprintf(row, 1740996120, 3, "10:02:00", "1001", other, 0, "NO ANSWER", "Outbound") +
		fmt.Sprintf(row, 1740996180, 4, "10:03:00", "1001", missed, 0, "NO ANSWER", "Outbound")
	calls, rep := compareWithReference(t, compared{data: []byte(csv), settings: DefaultSettings()})
	if len(rep.Unreturned) != 1 || rep.Unreturned[0].Attempts != 1 {
		t.Fatalf("unreturned %+v, want the missed caller's line with one attempt", rep.Unreturned)
	}
	if got := len(calls.events.runStart) - 1; got != 1 {
		t.Errorf("%d people sorted for call-backs, want the one with a missed call", got)
	}
	for _, r := range []int{1, 2} {
		if p := calls.events.person[calls.CallOf(r)]; p != -1 {
			t.Errorf("row %d (%s, never missed) is person %d", r, other, p)
		}
	}
}

// hashTwins returns two mobile numbers whose comparison forms differ and share a
// numberHash.
func hashTwins(t *testing.T) (string, string) {
	seen := map[uint64]string{}
	for n := range 1 << 20 {
		number := fmt.Sprintf("138%08d", n)
		k, _ := packDigits([]byte(number))
		if twin, ok := seen[numberHash(k)]; ok {
			return twin, number
		}
		seen[numberHash(k)] = number
	}
	t.Fatal("no two numbers share a hash")
	return "", ""
}

// TestNumbersAsWritten: a line of the unreturned shows the number as the PBX wrote it
// on the latest call, spaces around it included, also where the fold could write it
// from its key (digits without a prefix).
func TestNumbersAsWritten(t *testing.T) {
	const row = "%d.%d,2025-03-03 10:0%d:00,%s,%s,20,0,Telecom,,NO ANSWER,%s,,,,369392534749\n"
	csv := "callid,timestart,callfrom,callto,callduraction,talkduraction,srctrunkname,dsttrunkname,status,type,pincode,recording,didnumber,sn\n"
	for k, n := range []string{" 13812345678", "13900001111 ", "13700002222", "+8613600003333", "1360000 3333"} {
		csv += fmt.Sprintf(row, 1740996000+k, k, k, n, "1006", "Inbound")
	}
	_, rep := compareWithReference(t, compared{data: []byte(csv), settings: DefaultSettings()})
	var got []string
	for _, l := range rep.Unreturned {
		got = append(got, l.Number)
	}
	want := []string{"1360000 3333", "13700002222", "13900001111 ", " 13812345678"} // newest first
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("numbers %q, want %q", got, want)
	}
}
