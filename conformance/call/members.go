package call

import (
	"fmt"
	"reflect"
	"strconv"
	"sync"

	"github.com/stsconform/stsconform/conformance/model"
)

// Value is one input member as sent: its model member and its value, an
// int32 for an integer member, a string for a string member.
type Value struct {
	Member model.Member
	Int    int32
	Str    string
}

// Text is the value as the awsQuery form carries it (and as AWS echoes it
// in a validation message): the decimal integer or the raw string.
func (v Value) Text() string {
	if v.Member.Kind == model.Integer {
		return strconv.Itoa(int(v.Int))
	}
	return v.Str
}

// Any is the value as an int32 or a string.
func (v Value) Any() any {
	if v.Member.Kind == model.Integer {
		return v.Int
	}
	return v.Str
}

// fieldIndex maps each model member to the Input field of the same name,
// checked once against the model: an integer member is an *int32 field, a
// string member a *string field.
var fieldIndex = sync.OnceValue(func() map[string]int {
	typ := reflect.TypeFor[Input]()
	out := map[string]int{}
	for _, m := range model.GetSessionToken().Members {
		f, ok := typ.FieldByName(m.Name)
		want := map[model.Kind]reflect.Type{model.Integer: reflect.TypeFor[*int32](), model.String: reflect.TypeFor[*string]()}[m.Kind]
		if !ok || f.Type != want {
			panic(fmt.Sprintf("call: Input has no %s field %s for model member %s", want, m.Name, m.Name))
		}
		out[m.Name] = f.Index[0]
	}
	return out
})

// Members lists the operation's members in model order: every member the
// conversions below derive from.
func Members() []model.Member { return model.GetSessionToken().Members }

// field returns the Input field of a model member.
func (in *Input) field(name string) (reflect.Value, bool) {
	i, ok := fieldIndex()[name]
	if !ok {
		return reflect.Value{}, false
	}
	return reflect.ValueOf(in).Elem().Field(i), true
}

// IntField returns the field of an integer member, false when the member
// is not an integer member of the model.
func (in *Input) IntField(name string) (**int32, bool) {
	f, ok := in.field(name)
	if !ok || f.Type() != reflect.TypeFor[*int32]() {
		return nil, false
	}
	return f.Addr().Interface().(**int32), true
}

// StringField returns the field of a string member, false when the member
// is not a string member of the model.
func (in *Input) StringField(name string) (**string, bool) {
	f, ok := in.field(name)
	if !ok || f.Type() != reflect.TypeFor[*string]() {
		return nil, false
	}
	return f.Addr().Interface().(**string), true
}

// Value returns the member with the given model name, false when it is
// absent (or not a member).
func (in Input) Value(name string) (Value, bool) {
	m, ok := model.GetSessionToken().Member(name)
	if !ok {
		return Value{}, false
	}
	return in.valueOf(m)
}

func (in Input) valueOf(m model.Member) (Value, bool) {
	if p, ok := in.IntField(m.Name); ok && *p != nil {
		return Value{Member: m, Int: **p}, true
	}
	if p, ok := in.StringField(m.Name); ok && *p != nil {
		return Value{Member: m, Str: **p}, true
	}
	return Value{}, false
}

// Values lists the members present, in model order.
func (in Input) Values() []Value {
	var out []Value
	for _, m := range Members() {
		if v, ok := in.valueOf(m); ok {
			out = append(out, v)
		}
	}
	return out
}

// SetText sets a member from its wire text. A string member takes the
// text as it is; an integer member must be a decimal that fits int32
// (strconv also accepts a sign and leading zeros, as Java's
// Integer.parseInt does). It fails on an unknown member or a bad integer.
func (in *Input) SetText(name, text string) error {
	if p, ok := in.StringField(name); ok {
		*p = &text
		return nil
	}
	p, ok := in.IntField(name)
	if !ok {
		return fmt.Errorf("call: no member %s", name)
	}
	v, err := strconv.ParseInt(text, 10, 32)
	if err != nil {
		return err
	}
	n := int32(v)
	*p = &n
	return nil
}

// copyMembers copies every model member between two structs whose fields
// are named as the model names them (Input and the SDK's input type).
func copyMembers(dst, src reflect.Value) {
	for _, m := range Members() {
		d, s := dst.FieldByName(m.Name), src.FieldByName(m.Name)
		if d.IsValid() && s.IsValid() && s.Type() == d.Type() {
			d.Set(s)
		}
	}
}
