package call

import (
	"net/url"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stsconform/stsconform/model"
)

func full() Input {
	return Input{DurationSeconds: Int32(900), SerialNumber: String("GAHT\x00"),
		TokenCode: String("123456"), MinimumSessionTokenSize: Int32(-1)}
}

func TestConversionsFollowTheModel(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   Input
		str  string
		size int
		form url.Values
	}{
		{"empty", Input{}, "{} (no members)", 0, url.Values{}},
		{"all", full(), `{DurationSeconds=900 SerialNumber="GAHT\x00" TokenCode="123456" MinimumSessionTokenSize=-1}`, 3 + 6 + 7 + 2,
			url.Values{"DurationSeconds": {"900"}, "SerialNumber": {"GAHT\x00"}, "TokenCode": {"123456"}, "MinimumSessionTokenSize": {"-1"}}},
		{"empty string is sent", Input{TokenCode: String("")}, `{TokenCode=""}`, 1, url.Values{"TokenCode": {""}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.str, tc.in.String())
			assert.Equal(t, tc.size, tc.in.Size())
			tc.form.Set("Action", "GetSessionToken")
			tc.form.Set("Version", APIVersion)
			assert.Equal(t, tc.form, tc.in.Form())
			assert.Equal(t, tc.in, FromSDK(tc.in.SDK()))
		})
	}
}

func TestSDKCarriesEveryMember(t *testing.T) {
	sdk := full().SDK()
	assert.Equal(t, &sts.GetSessionTokenInput{DurationSeconds: Int32(900), SerialNumber: String("GAHT\x00"),
		TokenCode: String("123456"), MinimumSessionTokenSize: Int32(-1)}, sdk)
	assert.Equal(t, Input{}, FromSDK(nil))
}

func TestSetText(t *testing.T) {
	var in Input
	require.NoError(t, in.SetText("DurationSeconds", "+0900"))
	require.NoError(t, in.SetText("SerialNumber", " x "))
	assert.Equal(t, Input{DurationSeconds: Int32(900), SerialNumber: String(" x ")}, in)
	assert.Error(t, in.SetText("DurationSeconds", "2147483648"))
	assert.Error(t, in.SetText("DurationSeconds", "1.5"))
	assert.Error(t, in.SetText("Foo", "1"))
	_, ok := in.IntField("SerialNumber")
	assert.False(t, ok, "SerialNumber is a string member")
}

func TestEveryModelMemberHasAField(t *testing.T) {
	assert.Equal(t, model.GetSessionToken().APIVersion, APIVersion)
	for _, m := range Members() {
		var in Input
		text := "7"
		require.NoError(t, in.SetText(m.Name, text), m.Name)
		v, ok := in.Value(m.Name)
		require.True(t, ok, m.Name)
		assert.Equal(t, text, v.Text())
		assert.Equal(t, m.Kind == model.Integer, v.Any() == int32(7), m.Name)
	}
}

func BenchmarkConversions(b *testing.B) {
	in := full()
	b.Run("SDK", func(b *testing.B) {
		for b.Loop() {
			_ = in.SDK()
		}
	})
	b.Run("Form", func(b *testing.B) {
		for b.Loop() {
			_ = in.Form()
		}
	})
}
