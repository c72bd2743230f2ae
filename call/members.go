package call

import (
	"fmt"
	"reflect"
	"strconv"
	"sync"

	"github.com/aws/aws-sdk-go-v2/service/sts"

	"github.com/stsconform/stsconform/model"
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

// fields is the model's members, each with the index of the Input field
// of the same name and of the SDK input's, checked once against the model:
// an integer member is an *int32 field, a string member a *string field.
type memberField struct {
	member     model.Member
	input, sdk int
}

var fields = sync.OnceValue(func() []memberField {
	in, sdk := reflect.TypeFor[Input](), reflect.TypeFor[sts.GetSessionTokenInput]()
	var out []memberField
	for _, m := range model.GetSessionToken().Members {
		want := map[model.Kind]reflect.Type{model.Integer: reflect.TypeFor[*int32](), model.String: reflect.TypeFor[*string]()}[m.Kind]
		f, ok := in.FieldByName(m.Name)
		g, gok := sdk.FieldByName(m.Name)
		if !ok || !gok || f.Type != want || g.Type != want {
			panic(fmt.Sprintf("call: Input and the SDK input need a %s field %s for model member %s", want, m.Name, m.Name))
		}
		out = append(out, memberField{member: m, input: f.Index[0], sdk: g.Index[0]})
	}
	return out
})

var fieldIndex = sync.OnceValue(func() map[string]int {
	out := map[string]int{}
	for _, f := range fields() {
		out[f.member.Name] = f.input
	}
	return out
})

// operation is the model's GetSessionToken, read once.
var operation = sync.OnceValue(model.GetSessionToken)

// Members lists the operation's members in model order: every member the
// conversions below derive from (a copy).
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
	for _, f := range fields() {
		if f.member.Name == name {
			return in.valueOf(f)
		}
	}
	return Value{}, false
}

func (in Input) valueOf(f memberField) (Value, bool) {
	return valueIn(reflect.ValueOf(&in).Elem(), f)
}

// valueIn reads member f from v, an addressable Input.
func valueIn(v reflect.Value, f memberField) (Value, bool) {
	switch p := v.Field(f.input).Interface().(type) {
	case *int32:
		if p != nil {
			return Value{Member: f.member, Int: *p}, true
		}
	case *string:
		if p != nil {
			return Value{Member: f.member, Str: *p}, true
		}
	}
	return Value{}, false
}

// Values lists the members present, in model order.
func (in Input) Values() []Value {
	var out []Value
	iv := reflect.ValueOf(&in).Elem()
	for _, f := range fields() {
		if v, ok := valueIn(iv, f); ok {
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

// toSDK and fromSDK copy every model member between Input and the SDK's
// input type, field by field.
func toSDK(in Input, out *sts.GetSessionTokenInput) {
	src, dst := reflect.ValueOf(in), reflect.ValueOf(out).Elem()
	for _, f := range fields() {
		dst.Field(f.sdk).Set(src.Field(f.input))
	}
}

func fromSDK(in *sts.GetSessionTokenInput, out *Input) {
	src, dst := reflect.ValueOf(in).Elem(), reflect.ValueOf(out).Elem()
	for _, f := range fields() {
		dst.Field(f.input).Set(src.Field(f.sdk))
	}
}
