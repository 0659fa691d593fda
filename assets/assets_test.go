package assets

import (
	"bytes"
	"encoding/binary"
	"image/png"
	"testing"
)

// sfntInfo is what the tests need from an OpenType header: the leading
// version tag and the set of table tags in the directory.
type sfntInfo struct {
	tag    string
	tables map[string]bool
}

// readSFNT parses the header and table directory of a single OpenType file,
// failing the test if the directory or any table lies outside data.
func readSFNT(t *testing.T, data []byte) sfntInfo {
	t.Helper()
	if len(data) < 12 {
		t.Fatalf("font is %d bytes, too short for an sfnt header", len(data))
	}
	info := sfntInfo{tag: string(data[:4]), tables: map[string]bool{}}
	n := int(binary.BigEndian.Uint16(data[4:6]))
	if len(data) < 12+16*n {
		t.Fatalf("table directory of %d entries does not fit in %d bytes", n, len(data))
	}
	for i := range n {
		rec := data[12+16*i:]
		off := binary.BigEndian.Uint32(rec[8:12])
		length := binary.BigEndian.Uint32(rec[12:16])
		if uint64(off)+uint64(length) > uint64(len(data)) {
			t.Fatalf("table %q runs past the end of the file", rec[:4])
		}
		info.tables[string(rec[:4])] = true
	}
	return info
}

func TestFonts(t *testing.T) {
	tests := []struct {
		name string
		data []byte
	}{
		{"regular", FontRegular},
		{"bold", FontBold},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			info := readSFNT(t, tc.data)
			switch info.tag {
			case "OTTO", "\x00\x01\x00\x00":
			case "ttcf":
				t.Fatal("font is a .ttc collection; Fyne rejects those")
			default:
				t.Fatalf("font starts with %q, not an sfnt tag", info.tag)
			}
			outlines := "glyf"
			if info.tag == "OTTO" {
				outlines = "CFF "
			}
			for _, table := range []string{"cmap", "head", "hhea", "hmtx", "maxp", "name", "OS/2", "post", outlines} {
				if !info.tables[table] {
					t.Errorf("required table %q missing", table)
				}
			}
		})
	}
	if bytes.Equal(FontRegular, FontBold) {
		t.Error("FontRegular and FontBold are the same file")
	}
}

func TestIcon(t *testing.T) {
	cfg, err := png.DecodeConfig(bytes.NewReader(Icon))
	if err != nil {
		t.Fatalf("icon is not a PNG: %v", err)
	}
	if cfg.Width != 512 || cfg.Height != 512 {
		t.Fatalf("icon is %d×%d, want 512×512", cfg.Width, cfg.Height)
	}
	img, err := png.Decode(bytes.NewReader(Icon))
	if err != nil {
		t.Fatalf("icon does not decode: %v", err)
	}
	// The corners are transparent (rounded tile), the centre is opaque.
	if _, _, _, a := img.At(0, 0).RGBA(); a != 0 {
		t.Errorf("corner alpha = %d, want transparent", a)
	}
	if _, _, _, a := img.At(256, 256).RGBA(); a != 0xffff {
		t.Errorf("centre alpha = %d, want opaque", a)
	}
}
