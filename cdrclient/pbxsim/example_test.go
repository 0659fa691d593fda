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
	// 1710375120.929,2024-03-14 08:12:00,1006,13817940298,23,3,,"Main ""Office"" Line",ANSWERED,Outbound,,,,369392534749
	// 1710379681.949,2024-03-14 09:28:01,15063686537,1006,120,115,电信中继,,ANSWERED,Inbound,,20240314092801-1710379681.949-15063686537-1006-Inbound.wav,,369392534749
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
