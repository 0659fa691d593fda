package savedcsv

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cdrdesk/cdrclient"
	"cdrdesk/internal/archive"
)

const (
	withSN    = "callid,timestart,callfrom,callto,sn\r\n1,2026-11-01 10:00:00,1001,1002,369392534749\r\n"
	withoutSN = "callid,timestart,callfrom,callto\r\n1,2026-11-01 10:00:00,1001,1002\r\n"
)

func table(t *testing.T, csv string) *cdrclient.Table {
	t.Helper()
	tab, err := ReadFrom(strings.NewReader(csv), "x.csv")
	if err != nil {
		t.Fatal(err)
	}
	return tab
}

func TestPBX(t *testing.T) {
	held := []archive.Holding{{PBX: archive.PBX{Key: "369392534749", Name: "Head office"}}}
	office := archive.PBX{Key: "192.168.1.150:8088", Name: "office"}
	for _, tc := range []struct {
		name     string
		csv      string
		named    archive.PBX
		holdings []archive.Holding
		want     archive.PBX
		err      error
	}{
		{"the sn column, named by the archive", withSN, archive.PBX{}, held, archive.PBX{Key: "369392534749", Name: "Head office"}, nil},
		{"the sn column, unknown: named by its key", withSN, archive.PBX{}, nil, archive.PBX{Key: "369392534749", Name: "369392534749"}, nil},
		{"the sn column wins over the connection's key, not its name", withSN, office, held, archive.PBX{Key: "369392534749", Name: "office"}, nil},
		{"no sn column: the connection", withoutSN, office, held, office, nil},
		{"no sn column, no connection", withoutSN, archive.PBX{}, held, archive.PBX{}, ErrUnknownPBX},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := PBX(table(t, tc.csv), tc.named, tc.holdings)
			if !errors.Is(err, tc.err) || (err == nil && got != tc.want) {
				t.Errorf("PBX = %+v, %v; want %+v, %v", got, err, tc.want, tc.err)
			}
		})
	}
}

func TestRead(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(data), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	// 北京 in GBK: B1 B1 BE A9 (not valid UTF-8).
	gbk := write("gbk.csv", "timestart,trunk\r\n2026-11-01 10:00:00,\xb1\xb1\xbe\xa9\r\n")
	tab, err := Read(gbk)
	if err != nil || tab.Field(0, tab.Column("trunk")) != "北京" {
		t.Errorf("GBK file: %v", err)
	}
	var notRecords *NotRecordsError
	for _, name := range []string{"empty.csv", "notes.csv"} {
		data := map[string]string{"empty.csv": "", "notes.csv": "shopping list\nmilk\n"}[name]
		if _, err := Read(write(name, data)); !errors.As(err, &notRecords) || notRecords.File != name {
			t.Errorf("%s: %v, want a NotRecordsError naming it", name, err)
		}
	}
	var path *fs.PathError
	if _, err := Read(filepath.Join(dir, "gone.csv")); !errors.As(err, &path) {
		t.Errorf("a missing file: %v", err)
	}
}
