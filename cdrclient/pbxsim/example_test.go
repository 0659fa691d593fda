package pbxsim_test

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"time"

	"cdrdesk/cdrclient/pbxsim"
)

// WriteCSV gives exactly what a download of the same query serves, for
// comparing a client's output with.
func ExampleServer_WriteCSV() {
	s := pbxsim.New(pbxsim.Options{})
	start := time.Date(2024, 3, 14, 8, 0, 0, 0, time.UTC) // wall clock only
	end := time.Date(2024, 3, 14, 11, 59, 59, 0, time.UTC)
	var b strings.Builder
	if err := s.WriteCSV(&b, []string{"1006"}, start, end); err != nil {
		fmt.Println(err)
		return
	}
	sc := bufio.NewScanner(strings.NewReader(b.String()))
	for i := 0; i < 3 && sc.Scan(); i++ {
		fmt.Println(sc.Text())
	}
	// Output:
	// callid,timestart,callfrom,callto,callduraction,talkduraction,srctrunkname,dsttrunkname,status,type,pincode,recording,didnumber,sn
	// 1710376325.495,2024-03-14 08:32:05,1006,02128307139,36,34,,电信中继,ANSWERED,Outbound,,20240314083205-1710376325.495-1006-02128307139-Outbound.wav,,369392534749
	// 1710382100.525,2024-03-14 10:08:20,4008886397,1006,82,68,China Telecom SIP,,ANSWERED,Inbound,,20240314100820-1710382100.525-4008886397-1006-Inbound.wav,075586001234,369392534749
}

// Running the demo PBX, as `cdrdesk demo-pbx` does.
func ExampleServer_StartTLS() {
	s := pbxsim.New(pbxsim.DefaultOptions())
	run, err := s.StartTLS("127.0.0.1:0")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return
	}
	defer run.Close()
	fmt.Println(strings.HasPrefix(run.URL, "https://127.0.0.1:"), len(run.Fingerprint))
	// Output: true 64
}
