package goclient

import (
	"maps"
	"reflect"
	"slices"

	"github.com/stsconform/stsconform/call"
	"github.com/stsconform/stsconform/model"
	"github.com/stsconform/stsconform/targets/clients/driver"
)

// fill sets an SDK's input struct (out, a pointer) from a request, member
// by member in name order: each model member goes to the SDK field of its
// name, an integer at the SDK's own width (int32 for v2, int64 for v1). A
// name the model or the SDK type lacks is inexpressible, with detail
// saying so; so is a value the field cannot hold (driver.Integer,
// driver.String).
func fill(out any, in driver.Input, detail string) error {
	dst := reflect.ValueOf(out).Elem()
	kinds := map[string]model.Kind{}
	for _, m := range call.Members() {
		kinds[m.Name] = m.Kind
	}
	for _, name := range slices.Sorted(maps.Keys(in)) {
		kind, ok := kinds[name]
		f := dst.FieldByName(name)
		if !ok || !f.IsValid() || !holds(f.Type(), kind) {
			return &driver.Inexpressible{Member: name, Detail: detail}
		}
		p := reflect.New(f.Type().Elem())
		if kind == model.Integer {
			n, err := driver.Integer(name, in[name], p.Elem().Type().Bits())
			if err != nil {
				return err
			}
			p.Elem().SetInt(n)
		} else {
			s, err := driver.String(name, in[name])
			if err != nil {
				return err
			}
			p.Elem().SetString(s)
		}
		f.Set(p)
	}
	return nil
}

// holds reports whether an SDK field of type t can carry a member of the
// kind: a pointer to a signed integer or to a string.
func holds(t reflect.Type, kind model.Kind) bool {
	if t.Kind() != reflect.Pointer {
		return false
	}
	switch t.Elem().Kind() {
	case reflect.Int32, reflect.Int64:
		return kind == model.Integer
	case reflect.String:
		return kind == model.String
	}
	return false
}
