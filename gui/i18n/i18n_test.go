package i18n

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"
)

// userStrings collects the English strings a person can see: arguments of L/lang.L
// calls in the window's code, and the sentences of internal/explain and of cdrclient's
// input errors, which the window shows translated.
func userStrings(t *testing.T) map[string]string {
	t.Helper()
	found := map[string]string{} // string → where
	add := func(fset *token.FileSet, lit ast.Expr) {
		if b, ok := lit.(*ast.BasicLit); ok && b.Kind == token.STRING {
			if s, err := strconv.Unquote(b.Value); err == nil && s != "" {
				found[s] = fset.Position(b.Pos()).String()
			}
		}
	}
	scan := func(root string, fields map[string]bool) {
		filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return err
			}
			fset := token.NewFileSet()
			f, err := parser.ParseFile(fset, path, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			ast.Inspect(f, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.CallExpr:
					if isL(n.Fun) && len(n.Args) > 0 {
						add(fset, n.Args[0])
					}
				case *ast.KeyValueExpr:
					if id, ok := n.Key.(*ast.Ident); ok && fields[id.Name] {
						add(fset, n.Value)
					}
				}
				return true
			})
			return nil
		})
	}
	scan("..", nil)
	scan("../../internal/explain", map[string]bool{"what": true, "action": true})
	scan("../../cdrclient", map[string]bool{"Msg": true})
	return found
}

func isL(fun ast.Expr) bool {
	switch f := fun.(type) {
	case *ast.Ident:
		return f.Name == "L"
	case *ast.SelectorExpr:
		x, ok := f.X.(*ast.Ident)
		return ok && f.Sel.Name == "L" && (x.Name == "lang" || x.Name == "i18n")
	}
	return false
}

var placeholder = regexp.MustCompile(`{{\s*\.[A-Za-z]+\s*}}`)

func TestEveryStringIsTranslated(t *testing.T) {
	zh, err := files(Chinese)
	if err != nil {
		t.Fatal(err)
	}
	strs := userStrings(t)
	if len(strs) < 20 {
		t.Fatalf("only %d strings found: is the scan broken?", len(strs))
	}
	var missing []string
	for s, where := range strs {
		raw, ok := zh[s]
		if !ok {
			missing = append(missing, where+": "+strconv.Quote(s))
			continue
		}
		var tr string
		if json.Unmarshal(raw, &tr) != nil || tr == "" {
			t.Errorf("%s: translation of %q is not a plain string", where, s)
			continue
		}
		want := placeholder.FindAllString(s, -1)
		got := placeholder.FindAllString(tr, -1)
		sort.Strings(want)
		sort.Strings(got)
		if strings.Join(want, ",") != strings.Join(got, ",") {
			t.Errorf("%q: placeholders %v, translation has %v", s, want, got)
		}
	}
	sort.Strings(missing)
	for _, m := range missing {
		t.Errorf("no Chinese translation: %s", m)
	}
}

func TestUseSwitchesLanguage(t *testing.T) {
	t.Setenv("LANGUAGE", "en_US")
	t.Setenv("LANG", "en_US.UTF-8")
	if err := Use(Chinese); err != nil {
		t.Fatal(err)
	}
	if Current() != Chinese || lang.L("Cancel") != "取消" || L("Yes") != "是" {
		t.Errorf("Chinese: %q %q", lang.L("Cancel"), L("Yes"))
	}
	if err := Use(English); err != nil {
		t.Fatal(err)
	}
	if Current() != English || lang.L("Cancel") != "Cancel" || L("Yes") != "Yes" {
		t.Errorf("English: %q %q", lang.L("Cancel"), L("Yes"))
	}
	t.Setenv("LANGUAGE", "zh_CN")
	if Resolve(System) != Chinese {
		t.Errorf("a zh_CN system resolves to %s", Resolve(System))
	}
}

func TestTranslationFilesParse(t *testing.T) {
	names, _ := fs.Glob(os.DirFS("../../assets"), "translations/*.json")
	if len(names) < 2 {
		t.Fatalf("translation files: %v", names)
	}
	for _, lang := range []string{English, Chinese} {
		if _, err := files(lang); err != nil {
			t.Error(err)
		}
	}
}
