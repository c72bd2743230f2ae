package rawwire

import (
	"fmt"
	"math/big"

	"github.com/stsconform/stsconform/model"
)

// rejectReason says why r must be refused. A DurationSeconds such as -0 or
// -1 is read by every integer parser: it is refused because the integer
// is outside the model's range, not because it cannot be parsed.
func rejectReason(r Request) string {
	var values []string
	for _, p := range r.Params {
		if p.Key == "DurationSeconds" {
			values = append(values, p.Value)
		}
	}
	m, ok := model.GetSessionToken().Member("DurationSeconds")
	if len(values) != 1 || !ok || m.Min == nil || m.Max == nil {
		return "a request no parser can accept"
	}
	v, isInt := new(big.Int).SetString(values[0], 10)
	if !isInt || (v.Cmp(big.NewInt(*m.Min)) >= 0 && v.Cmp(big.NewInt(*m.Max)) <= 0) {
		return "a request no parser can accept"
	}
	return fmt.Sprintf("DurationSeconds=%s, the integer %s, outside the model's range %d..%d", values[0], v, *m.Min, *m.Max)
}
