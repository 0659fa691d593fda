package cdrclient

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// answerTargets are the values API answers are decoded into, nil for endpoints whose
// answer is only the envelope (heartbeat, logout).
func answerTargets() map[string]any {
	return map[string]any{
		"heartbeat":      nil,
		"login":          &loginAnswer{},
		"cdr/get_random": &randomAnswer{},
		"extension/list": &extensionList{},
	}
}

// FuzzDecodeEnvelope: decoding an API answer never panics, and its outcome follows from
// the JSON alone. Not JSON, or not what the answer should hold → *UnreadableAnswerError;
// an object whose status is a string other than "Success" → *APIError carrying the
// errno; "Success" with only an envelope to read → nil. Nothing else is ever returned.
// Seeded with answers as the reference shows them (testdata/answers).
func FuzzDecodeEnvelope(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("testdata", "answers", "*.json"))
	if len(seeds) == 0 {
		f.Fatal("no seed answers in testdata/answers")
	}
	for _, name := range seeds {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
		f.Add(data[:len(data)/2]) // cut on the way
	}
	for _, s := range []string{
		`{"status":"Failed","errno":20003}`, // a number instead of a string
		`{"status":"Failed"}`, `{"status":"failed","errno":""}`, `{"status":null}`,
		`{"STATUS":"Success"}`, `{"status":"Success","status":"Failed","errno":"20004"}`,
		`{"status":"Success","token":7}`, `{"status":"Success","extlist":{}}`,
		`null`, `[]`, `"Success"`, ``, "\xef\xbb\xbf{\"status\":\"Success\"}", "<html>502 Bad Gateway</html>",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		status, statusIsString, errno, object := envelopeOracle(body)
		for endpoint, target := range answerTargets() {
			err := decodeEnvelope(endpoint, body, target)
			var api *APIError
			var bad *UnreadableAnswerError
			switch {
			case err == nil:
			case errors.As(err, &api):
				if api.Endpoint != endpoint || api.Errno == "" || api.Error() == "" {
					t.Fatalf("%s: %#v", endpoint, api)
				}
			case errors.As(err, &bad):
				if bad.Endpoint != endpoint || bad.Err == nil || bad.Error() == "" {
					t.Fatalf("%s: %#v", endpoint, bad)
				}
			default:
				t.Fatalf("%s: %q gave a %T: %v", endpoint, body, err, err)
			}
			switch {
			case !json.Valid(body) && bad == nil:
				t.Fatalf("%s: %q is not JSON, got %v", endpoint, body, err)
			case object && statusIsString && status != "Success":
				if api == nil {
					t.Fatalf("%s: status %q gave %v, want an *APIError", endpoint, status, err)
				}
				if errno != "" && api.Errno != errno {
					t.Fatalf("%s: errno %q reported as %q", endpoint, errno, api.Errno)
				}
			case object && statusIsString && status == "Success":
				if api != nil || target == nil && err != nil {
					t.Fatalf("%s: a success gave %v", endpoint, err)
				}
			}
			if again := decodeEnvelope(endpoint, body, freshTarget(target)); (again == nil) != (err == nil) {
				t.Fatalf("%s: not deterministic: %v, then %v", endpoint, err, again)
			}
		}
	})
}

// envelopeOracle reads the status and errno (a string or a number) of body with a plain map, the
// last of duplicate keys winning as in encoding/json. object is false unless body is a
// JSON object whose keys are all lower case, so that the map and the struct agree.
func envelopeOracle(body []byte) (status string, statusIsString bool, errno string, object bool) {
	var m map[string]json.RawMessage
	if json.Unmarshal(body, &m) != nil || m == nil {
		return "", false, "", false
	}
	for k := range m {
		for _, c := range k {
			if 'A' <= c && c <= 'Z' {
				return "", false, "", false // encoding/json matches struct fields case-insensitively
			}
		}
	}
	statusIsString = json.Unmarshal(m["status"], &status) == nil && m["status"] != nil && string(m["status"]) != "null"
	var n json.Number
	if json.Unmarshal(m["errno"], &errno) != nil && json.Unmarshal(m["errno"], &n) == nil {
		errno = n.String() // a PBX that writes the number without quotes
	}
	return status, statusIsString, errno, true
}

// freshTarget returns a new zero value of target's type (nil for nil).
func freshTarget(target any) any {
	if target == nil {
		return nil
	}
	return reflect.New(reflect.TypeOf(target).Elem()).Interface()
}
