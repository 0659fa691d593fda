package profile

import (
	"fmt"
	"slices"
	"strings"
	"sync"
)

// MemorySecrets is an in-memory SecretStore for tests of this package and of
// its users (the window, the command line). It is safe for concurrent use.
type MemorySecrets struct {
	mu          sync.Mutex
	values      map[string]string // "service\x00key" → value
	unavailable bool
}

// NewMemorySecrets returns an empty, working MemorySecrets.
func NewMemorySecrets() *MemorySecrets {
	return &MemorySecrets{values: map[string]string{}}
}

// SetUnavailable makes every later call fail with ErrKeyringUnavailable (or
// work again), to test the "no keyring" path.
func (m *MemorySecrets) SetUnavailable(unavailable bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.unavailable = unavailable
}

// Get returns the value stored under service and key.
func (m *MemorySecrets) Get(service, key string) (string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.check(); err != nil {
		return "", err
	}
	v, ok := m.values[service+"\x00"+key]
	if !ok {
		return "", ErrNotFound
	}
	return v, nil
}

// Set stores value under service and key.
func (m *MemorySecrets) Set(service, key, value string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.check(); err != nil {
		return err
	}
	m.values[service+"\x00"+key] = value
	return nil
}

// Delete removes the value under service and key.
func (m *MemorySecrets) Delete(service, key string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.check(); err != nil {
		return err
	}
	k := service + "\x00" + key
	if _, ok := m.values[k]; !ok {
		return ErrNotFound
	}
	delete(m.values, k)
	return nil
}

// Keys returns the keys stored under service, sorted, so tests can check
// that nothing was left behind. It works even while unavailable.
func (m *MemorySecrets) Keys(service string) []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	var keys []string
	for k := range m.values {
		if key, ok := strings.CutPrefix(k, service+"\x00"); ok {
			keys = append(keys, key)
		}
	}
	slices.Sort(keys)
	return keys
}

// check fails while the store is unavailable. The caller holds m.mu.
func (m *MemorySecrets) check() error {
	if m.unavailable {
		return fmt.Errorf("%w: simulated failure", ErrKeyringUnavailable)
	}
	return nil
}
