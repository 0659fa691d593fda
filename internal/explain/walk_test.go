package explain

import (
	"cdrdesk/internal/archive/block"
	"encoding/json"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"cdrdesk/assets"
	"cdrdesk/cdrclient"
	"cdrdesk/internal/archive"
	"cdrdesk/internal/archive/savedcsv"
	"cdrdesk/internal/atomicfile"
	"cdrdesk/internal/login"
	"cdrdesk/internal/profile"
	"cdrdesk/internal/recordings"
	"cdrdesk/internal/report"
)

// The secrets the examples carry, in URLs as the client builds them.
const (
	tokenSecret  = "TOKENSECRET"
	randomSecret = "RANDOMSECRET"
	secretURL    = "https://192.168.1.150:8088/api/v2.0.0/cdr/download?number=all&starttime=2026-05-01%2000:00:00&endtime=2026-05-01%2023:59:59&token=" + tokenSecret + "&random=" + randomSecret
)

// secretErr is a failure whose text quotes the whole URL, as net/http's errors do.
var secretErr = &url.Error{Op: "Get", URL: secretURL, Err: errors.New("connection reset by peer")}

// errorExamples holds at least one value of every exported error type of cdrclient and
// internal/..., with a URL carrying a token and a download key wherever the type holds
// text that came from a person or the network. TestEveryErrorTypeIsExplained finds the
// types by reading the source, so a new type fails the test until it is added here and
// given its message in explain.
var errorExamples = []error{
	&block.DayError{Day: 20454, Err: block.ErrDamaged},
	&cdrclient.APIError{Endpoint: secretURL, Errno: cdrclient.ErrnoBadRandom},
	&cdrclient.APIError{Endpoint: "cdr/get_random", Errno: secretURL},
	&cdrclient.AuthError{User: secretURL},
	&cdrclient.LockedOutError{},
	&cdrclient.CertificateError{Host: secretURL, Fingerprint: strings.Repeat("ab", 32)},
	&cdrclient.CertificateError{Host: secretURL, Fingerprint: strings.Repeat("ab", 32), Pinned: secretURL},
	&cdrclient.VersionError{Tried: []string{secretURL}},
	&cdrclient.HTTPError{Status: 302, URL: secretURL, Location: secretURL},
	&cdrclient.HTTPError{Status: 404, URL: secretURL},
	&cdrclient.HTTPError{Status: 502, URL: secretURL},
	&cdrclient.ConnectionError{URL: secretURL, Err: secretErr},
	&cdrclient.ConnectionError{URL: secretURL, Timeout: true, Err: secretErr},
	&cdrclient.InputError{Field: "address", Msg: "this is not a PBX address", Value: secretURL},
	&cdrclient.UnreadableAnswerError{Endpoint: secretURL, Err: secretErr},
	&cdrclient.TruncatedError{Line: 752, Msg: "its last row has fewer fields than the header"},
	&cdrclient.CSVError{Line: 3, Msg: "a quoted field is not closed (missing closing quote)"},
	&atomicfile.ExistsError{Path: "/home/li/CDR_office_all_2026-05-01_2026-05-01.csv"},
	&profile.CorruptFileError{Path: "/home/li/.config/cdrdesk/profiles.json", Err: errors.New("unexpected end of JSON input")},
	&report.CellTooLongError{Row: 12, Column: "recording", Length: 40000},
	&report.CellTooLongError{Row: 0, Column: "column 15", Length: 40000},
	&cdrclient.LoginStoppedError{Cause: &cdrclient.AuthError{User: secretURL}},
	&login.RefusedBeforeError{Profile: secretURL, Failed: 3},
	&login.DisconnectedError{Profile: secretURL, Cause: &cdrclient.AuthError{User: "api"}},
	&login.DisconnectedError{Profile: "office", Cause: &cdrclient.LockedOutError{}},
	&login.FingerprintConflictError{Profile: secretURL, Given: strings.Repeat("ab", 32), Trusted: strings.Repeat("cd", 32)},
	&archive.DamagedError{Location: `C:\Users\li\AppData\Local\cdrdesk\archive.db`, Err: errors.New("database disk image is malformed (11)")},
	&archive.DamagedError{Location: "/home/li/.local/share/cdrdesk/archive.db", Foreign: true, Err: errors.New("application_id 0x0, 3 objects")},
	&archive.NewerError{Location: "/home/li/.local/share/cdrdesk/archive.db", Version: 3, Newest: 1},
	&cdrclient.RecordingMissingError{Name: secretURL},
	&cdrclient.RecordingCutError{Name: "20260501093000-1777599000.101-1000-1001-Internal.wav", Got: 20000, Size: 64044, Err: secretErr},
	&cdrclient.RecordingCutError{Name: secretURL, Got: 20000, Size: -1},
	&cdrclient.APIError{Endpoint: "recording/download", Errno: cdrclient.ErrnoBadRecordingRandom},
	&cdrclient.APIError{Endpoint: "recording/get_random", Errno: cdrclient.ErrnoNoRecording},
	&recordings.SaveError{Path: `D:\录音\` + secretURL, Err: fs.ErrPermission},
	&archive.OpenError{Location: "/media/usb/archive.db", Err: &fs.PathError{Op: "open", Path: "/media/usb/archive.db", Err: fs.ErrPermission}},
	&savedcsv.NotRecordsError{File: "holidays.csv"},
}

// errorTypes returns "dir.Type" for every exported type with an Error method declared in
// the non-test Go files of cdrclient (not its simulator) and of internal/....
func errorTypes(t *testing.T) []string {
	t.Helper()
	var found []string
	scan := func(dir string, fset *token.FileSet, path string) {
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || fn.Recv == nil || fn.Name.Name != "Error" || fn.Type.Params.NumFields() != 0 || fn.Type.Results.NumFields() != 1 {
				continue
			}
			recv := fn.Recv.List[0].Type
			if star, ok := recv.(*ast.StarExpr); ok {
				recv = star.X
			}
			if id, ok := recv.(*ast.Ident); ok && id.IsExported() {
				found = append(found, dir+"."+id.Name)
			}
		}
	}
	walk := func(root string, recursive bool) {
		err := filepath.WalkDir(filepath.Join("..", "..", root), func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				if !recursive && filepath.Base(path) != filepath.Base(root) || d.Name() == "testdata" {
					return filepath.SkipDir
				}
				return nil
			}
			if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return nil
			}
			rel, _ := filepath.Rel(filepath.Join("..", ".."), filepath.Dir(path))
			scan(filepath.ToSlash(rel), token.NewFileSet(), path)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	walk("cdrclient", false)
	walk("internal", true)
	slices.Sort(found)
	return slices.Compact(found)
}

// exampleType is "dir.Type" of an example, in the form errorTypes gives.
func exampleType(err error) string {
	ty := reflect.TypeOf(err)
	if ty.Kind() == reflect.Pointer {
		ty = ty.Elem()
	}
	return strings.TrimPrefix(ty.PkgPath(), "cdrdesk/") + "." + ty.Name()
}

// chinese translates with the zh_Hans files the window loads.
func chinese(t *testing.T) Translate {
	t.Helper()
	names, err := fs.Glob(assets.Translations, "translations/*.zh_Hans.json")
	if err != nil || len(names) == 0 {
		t.Fatalf("translation files: %v %v", names, err)
	}
	zh := map[string]string{}
	for _, name := range names {
		data, err := fs.ReadFile(assets.Translations, name)
		if err != nil {
			t.Fatal(err)
		}
		var part map[string]json.RawMessage
		if err := json.Unmarshal(data, &part); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for k, raw := range part {
			var v string // plural forms (objects) are not used by explain
			if json.Unmarshal(raw, &v) == nil {
				zh[k] = v
			}
		}
	}
	return func(key string, data map[string]any) string {
		if s, ok := zh[key]; ok {
			return Fill(s, data)
		}
		return Fill(key, data)
	}
}

// TestEveryErrorTypeIsExplained walks every error type the source declares: each has a
// message of its own (not "Something went wrong"), in English and Chinese, and neither
// the message nor Error() shows a token or a download key.
func TestEveryErrorTypeIsExplained(t *testing.T) {
	declared := errorTypes(t)
	if len(declared) < 10 {
		t.Fatalf("only %d error types found (%v): is the walk broken?", len(declared), declared)
	}
	var examples []string
	for _, err := range errorExamples {
		examples = append(examples, exampleType(err))
	}
	for _, ty := range declared {
		if !slices.Contains(examples, ty) {
			t.Errorf("%s has no example in errorExamples: add one, and its message to explain", ty)
		}
	}
	for _, ty := range examples {
		if !slices.Contains(declared, ty) {
			t.Errorf("errorExamples holds a %s, which the source does not declare", ty)
		}
	}

	zh := chinese(t)
	fallback := Error(errors.New("boom"), English)
	for _, err := range errorExamples {
		name := fmt.Sprintf("%s %+v", exampleType(err), err)
		if secretIn(err.Error()) {
			t.Errorf("%s: Error() shows a secret: %s", name, err.Error())
		}
		en := Error(err, English)
		if en.What == fallback.What {
			t.Errorf("%s: explained as the fallback %q", name, en.What)
		}
		if strings.Contains(en.What+en.Action, "{{") {
			t.Errorf("%s: unfilled placeholder in %+v", name, en)
		}
		cn := Error(err, zh)
		if cn.What == en.What || en.Action != "" && cn.Action == en.Action {
			t.Errorf("%s: not translated into Chinese: %+v", name, cn)
		}
		// Wrapped in a message that quotes the URL too, as a caller's fmt.Errorf might.
		wrapped := fmt.Errorf("getting %s: %w", secretURL, err)
		for _, m := range []Message{en, cn, Error(wrapped, English), Error(wrapped, zh)} {
			if secretIn(m.What) || secretIn(m.Action) || secretIn(m.Detail) {
				t.Errorf("%s: the message shows a secret: %+v", name, m)
			}
		}
		if Error(wrapped, English).What != en.What {
			t.Errorf("%s: wrapping changed the explanation", name)
		}
	}
}

func secretIn(s string) bool {
	return strings.Contains(s, tokenSecret) || strings.Contains(s, randomSecret)
}

// TestWalkSeesTheSource guards the walk itself: it must find types from cdrclient and
// from internal packages, and nothing from test files or the simulator.
func TestWalkSeesTheSource(t *testing.T) {
	declared := errorTypes(t)
	for _, want := range []string{"cdrclient.APIError", "internal/report.CellTooLongError", "internal/atomicfile.ExistsError"} {
		if !slices.Contains(declared, want) {
			t.Errorf("the walk missed %s: %v", want, declared)
		}
	}
	for _, ty := range declared {
		if strings.HasPrefix(ty, "cdrclient/pbxsim.") {
			t.Errorf("the walk entered the simulator: %s", ty)
		}
	}
	if _, err := os.Stat(filepath.Join("..", "..", "cdrclient", "errors.go")); err != nil {
		t.Fatal(err)
	}
}
