package atomicfile_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"cdrdesk/internal/atomicfile"
)

func ExampleWrite() {
	dir, _ := os.MkdirTemp("", "example")
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "CDR.csv")

	write := func(w io.Writer) error {
		_, err := io.WriteString(w, "callid,timestart\n")
		return err
	}
	fmt.Println(atomicfile.Write(context.Background(), path, false, write))

	err := atomicfile.Write(context.Background(), path, false, write)
	var exists *atomicfile.ExistsError
	fmt.Println(errors.As(err, &exists))
	// Output:
	// <nil>
	// true
}
