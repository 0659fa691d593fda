package cdrclient_test

import (
	"fmt"
	"io"
	"strings"

	"cdrdesk/cdrclient"
)

func ExampleTable() {
	body := "callid,timestart,callfrom,callto,callduraction,talkduraction,srctrunkname,dsttrunkname,status,type,pincode,recording,didnumber,sn\r\n" +
		"1589299528.4,2020-05-12 17:05:28,966024422,110,42,34,MEO,,ANSWERED,Inbound,,,,369392534749\r\n" +
		"1589299603.5,2020-05-12 17:06:43,110,0085291234567,65,0,,\"Office, Shanghai\",NO ANSWER,Outbound,,,,369392534749\r\n"
	t := cdrclient.NewTable()
	io.Copy(t, strings.NewReader(body)) // as the download arrives
	if err := t.Close(); err != nil {
		fmt.Println(err)
		return
	}
	for i := range t.Len() {
		r := t.Record(i)
		sec, _ := cdrclient.ParseSeconds(r.CallDuration())
		fmt.Printf("%s %s → %s via %q, %s, %s\n", r.TimeStart(), r.CallFrom(), r.CallTo(),
			r.SrcTrunk()+r.DstTrunk(), r.Status(), cdrclient.FormatDuration(sec))
	}
	var saved strings.Builder
	t.WriteRowsTo(&saved, []int{1}) // save a filtered view, byte for byte
	fmt.Printf("%q\n", strings.TrimPrefix(saved.String(), "callid,timestart,callfrom,callto,callduraction,talkduraction,"))
	// Output:
	// 2020-05-12 17:05:28 966024422 → 110 via "MEO", ANSWERED, 0:00:42
	// 2020-05-12 17:06:43 110 → 0085291234567 via "Office, Shanghai", NO ANSWER, 0:01:05
	// "srctrunkname,dsttrunkname,status,type,pincode,recording,didnumber,sn\r\n1589299603.5,2020-05-12 17:06:43,110,0085291234567,65,0,,\"Office, Shanghai\",NO ANSWER,Outbound,,,,369392534749\r\n"
}

func ExampleJoiner() {
	var out strings.Builder
	j := cdrclient.NewJoiner(&out)
	for _, window := range []string{"callid,sn\r\n1.1,S\r\n", "", "\ufeffcallid,sn\r\n2.1,S\r\n3.1,S"} {
		j.BeginWindow()
		io.Copy(j, strings.NewReader(window))
	}
	if err := j.Close(); err != nil {
		fmt.Println(err)
	}
	fmt.Printf("%q\n%d records, %d bytes\n", out.String(), j.Records(), j.Bytes())
	// Output:
	// "callid,sn\r\n1.1,S\r\n2.1,S\r\n3.1,S"
	// 3 records, 30 bytes
}
