package cdrclient_test

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"math/big"
	"net"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"cdrdesk/cdrclient"
	"cdrdesk/cdrclient/pbxsim"
)

// publicCAEnv names the folder holding the test CA when the test runs in the child
// process that trusts it as a system root.
const publicCAEnv = "CDRDESK_TEST_PUBLIC_CA"

// TestPublicCertificateMustNameThePBX checks the path for PBXs with a certificate from
// a public CA: it is accepted only when it names the host of the PBX address (IP SANs
// for an IP address), and a pinned fingerprint wins either way. Go reads the system's
// roots once per process, so the test runs itself again in a process whose
// SSL_CERT_FILE holds a test CA and nothing else.
func TestPublicCertificateMustNameThePBX(t *testing.T) {
	dir := os.Getenv(publicCAEnv)
	if dir == "" {
		runTrustingTestCA(t)
		return
	}
	ca := loadTestCA(t, dir)
	other := strings.Repeat("ab", 32)
	tests := []struct {
		name        string
		certFor     []string // the names and addresses the certificate covers
		host        string   // the host of the PBX address
		pin         string   // "self" pins the certificate served
		wantErr     bool
		wantChanged bool
	}{
		{"another name, for an IP address", []string{"evil.example"}, "127.0.0.1", "", true, false},
		{"another IP address", []string{"127.0.0.2"}, "127.0.0.1", "", true, false},
		{"a DNS name, for an IP address", []string{"localhost"}, "127.0.0.1", "", true, false},
		{"another name, for a DNS name", []string{"evil.example"}, "localhost", "", true, false},
		{"the IP address", []string{"127.0.0.1"}, "127.0.0.1", "", false, false},
		{"the DNS name", []string{"localhost"}, "localhost", "", false, false},
		{"another name, pinned", []string{"evil.example"}, "127.0.0.1", "self", false, false},
		{"the right name, another one pinned", []string{"127.0.0.1"}, "127.0.0.1", other, true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cert := ca.issue(t, tt.certFor)
			fp := cdrclient.Fingerprint(cert.Leaf)
			sim, base := startPBXWith(t, cert, tt.host)
			cfg := cdrclient.Config{
				BaseURL:     base,
				User:        pbxsim.DefaultUser,
				PasswordMD5: cdrclient.HashPassword(pbxsim.DefaultPassword),
				Timeouts:    cdrclient.Timeouts{Connect: 5 * time.Second, Header: 5 * time.Second, Idle: 5 * time.Second},
			}
			switch tt.pin {
			case "self":
				cfg.Fingerprint = fp
			default:
				cfg.Fingerprint = tt.pin
			}
			s, err := cdrclient.NewSession(cfg)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(s.Close)
			err = s.Login(ctxT(t))
			if !tt.wantErr {
				if err != nil {
					t.Fatalf("login: %v", err)
				}
				if s.Fingerprint() != fp {
					t.Errorf("Fingerprint() = %s, want %s", s.Fingerprint(), fp)
				}
				return
			}
			var ce *cdrclient.CertificateError
			if !errors.As(err, &ce) {
				t.Fatalf("got %v, want a CertificateError", err)
			}
			if ce.Fingerprint != fp || ce.Changed() != tt.wantChanged {
				t.Errorf("error %+v: want fingerprint %s, changed %v", ce, fp, tt.wantChanged)
			}
			if n := sim.Stats().Requests; n != 0 {
				t.Errorf("%d requests (the login's password among them) reached a PBX with a certificate for %v", n, tt.certFor)
			}
		})
	}
}

// runTrustingTestCA runs TestPublicCertificateMustNameThePBX in a child process whose
// only system root is a fresh test CA.
func runTrustingTestCA(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" || runtime.GOOS == "ios" {
		// There Go asks the system's verifier, which has no SSL_CERT_FILE to point at
		// a test CA; Linux, where the tests run, reads the roots from files.
		t.Skipf("SSL_CERT_FILE does not set the system roots on %s", runtime.GOOS)
	}
	dir := t.TempDir()
	newTestCA(t, dir)
	empty := filepath.Join(dir, "no-more-roots")
	if err := os.Mkdir(empty, 0o700); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestPublicCertificateMustNameThePBX$", "-test.v", "-test.count=1")
	cmd.Env = append(os.Environ(), publicCAEnv+"="+dir,
		"SSL_CERT_FILE="+filepath.Join(dir, "ca.pem"), "SSL_CERT_DIR="+empty)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("child process: %v\n%s", err, out)
	}
	// Guard against a child that ran nothing (a renamed test) and passed.
	if !strings.Contains(string(out), "--- PASS: TestPublicCertificateMustNameThePBX/the_IP_address") {
		t.Fatalf("the child did not run the cases:\n%s", out)
	}
}

// testCA is a certificate authority made for one test run.
type testCA struct {
	cert *x509.Certificate
	key  *ecdsa.PrivateKey
}

// newTestCA makes a CA and writes ca.pem (the certificate) and ca-key.pem into dir.
func newTestCA(t *testing.T, dir string) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: "cdrdesk test CA"},
		NotBefore:             time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC),
		NotAfter:              time.Date(2099, 12, 31, 0, 0, 0, 0, time.UTC),
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageDigitalSignature,
		BasicConstraintsValid: true,
		IsCA:                  true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	keyDER, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	writePEM(t, filepath.Join(dir, "ca.pem"), "CERTIFICATE", der)
	writePEM(t, filepath.Join(dir, "ca-key.pem"), "EC PRIVATE KEY", keyDER)
}

func writePEM(t *testing.T, path, kind string, der []byte) {
	t.Helper()
	if err := os.WriteFile(path, pem.EncodeToMemory(&pem.Block{Type: kind, Bytes: der}), 0o600); err != nil {
		t.Fatal(err)
	}
}

func loadTestCA(t *testing.T, dir string) *testCA {
	t.Helper()
	read := func(name string) []byte {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		b, _ := pem.Decode(data)
		if b == nil {
			t.Fatalf("%s: no PEM block", name)
		}
		return b.Bytes
	}
	cert, err := x509.ParseCertificate(read("ca.pem"))
	if err != nil {
		t.Fatal(err)
	}
	key, err := x509.ParseECPrivateKey(read("ca-key.pem"))
	if err != nil {
		t.Fatal(err)
	}
	return &testCA{cert: cert, key: key}
}

// issue makes a server certificate for hosts (IP addresses and DNS names).
func (ca *testCA) issue(t *testing.T, hosts []string) tls.Certificate {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	serial, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 62))
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: serial,
		Subject:      pkix.Name{CommonName: hosts[0]},
		NotBefore:    time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC),
		NotAfter:     time.Date(2099, 12, 31, 0, 0, 0, 0, time.UTC),
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	for _, h := range hosts {
		if ip := net.ParseIP(h); ip != nil {
			tmpl.IPAddresses = append(tmpl.IPAddresses, ip)
		} else {
			tmpl.DNSNames = append(tmpl.DNSNames, h)
		}
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, ca.cert, &key.PublicKey, ca.key)
	if err != nil {
		t.Fatal(err)
	}
	leaf, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key, Leaf: leaf}
}

// startPBXWith runs the simulator on 127.0.0.1 with cert and returns it with its
// address written with host (an IP address or a name that resolves to 127.0.0.1).
func startPBXWith(t *testing.T, cert tls.Certificate, host string) (*pbxsim.Server, string) {
	t.Helper()
	o := pbxsim.DefaultOptions()
	o.Now = pbxsim.NewClock(testStart).Now
	sim := pbxsim.New(o)
	run, err := sim.StartTLSWith("127.0.0.1:0", cert)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = run.Close() })
	u, err := url.Parse(run.URL)
	if err != nil {
		t.Fatal(err)
	}
	return sim, "https://" + net.JoinHostPort(host, u.Port())
}
