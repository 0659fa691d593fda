package pbxsim

import (
	"bytes"
	"encoding/json"
	"net/http"
)

// Error numbers the simulator answers (strings, as the PBX sends them).
const (
	ErrnoUnsupported       = "10003" // unknown endpoint
	ErrnoParamBlank        = "10004" // a required parameter is blank
	ErrnoNoExtension       = "10006" // extension does not exist
	ErrnoOnlyJSON          = "20000" // body is not JSON
	ErrnoOnlyPOST          = "20001" // method is not POST
	ErrnoLockedOut         = "20002" // client IP locked out after failed logins
	ErrnoBadLogin          = "20003" // wrong username or password
	ErrnoNoToken           = "20004" // token unknown
	ErrnoBlankToken        = "20005" // token blank
	ErrnoTokenTimeout      = "20006" // token timed out
	ErrnoBadPort           = "20008" // login port invalid
	ErrnoBadAllowedIP      = "20015" // allowedip is not one IPv4 address
	ErrnoBadTime           = "20019" // CDR time format wrong
	ErrnoBadRandom         = "20020" // CDR random invalid, used, expired or not matching
	ErrnoNoCDR             = "20021" // CDR does not exist
	ErrnoServiceNotRunning = "30003" // API service not running
)

// field is one member of a JSON object; objects keep their members in the
// order the PBX's documentation shows them.
type field struct {
	key   string
	value any
}

// object is a JSON object with ordered members.
type object []field

// MarshalJSON writes the members in order, without HTML escaping (the PBX
// writes Chinese names and punctuation verbatim).
func (o object) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	b.WriteByte('{')
	for i, f := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		if err := enc.Encode(f.key); err != nil {
			return nil, err
		}
		trimNewline(&b)
		b.WriteByte(':')
		if err := enc.Encode(f.value); err != nil {
			return nil, err
		}
		trimNewline(&b)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// trimNewline drops the newline json.Encoder appends after each value.
func trimNewline(b *bytes.Buffer) {
	if n := b.Len(); n > 0 && b.Bytes()[n-1] == '\n' {
		b.Truncate(n - 1)
	}
}

// setBoaHeaders sets the headers every answer of the PBX's web server
// (Boa) carries, as in the vendor's response examples.
func setBoaHeaders(h http.Header) {
	h.Set("Server", "Boa/0.94.14rc21")
	h.Set("Accept-Ranges", "bytes")
	h.Set("Connection", "close")
	h.Set("Access-Control-Allow-Origin", "*")
	h.Set("Access-Control-Allow-Methods", "GET, POST, OPTIONS, PUT, DELETE")
}

// writeObject answers HTTP 200 with the JSON object o.
func writeObject(w http.ResponseWriter, o object) {
	body, err := o.MarshalJSON()
	if err != nil {
		// Only strings and objects are encoded, so this cannot happen.
		panic(err)
	}
	if w.Header().Get("Content-Type") == "" {
		w.Header().Set("Content-Type", "application/json")
	}
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(body)
}

// success prepends "status":"Success" to the members.
func success(members ...field) object {
	return append(object{{"status", "Success"}}, members...)
}

// failure is the PBX's error envelope.
func failure(errno string) object {
	return object{{"status", "Failed"}, {"errno", errno}}
}

// writePlain answers a non-API HTTP status with a short text body.
func writePlain(w http.ResponseWriter, code int) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(code)
	_, _ = w.Write([]byte(http.StatusText(code) + "\n"))
}
