package call

import (
	"math"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestDigitsIsTheLengthOfTheDecimal(t *testing.T) {
	for _, v := range []int32{0, 9, 10, 99, 100, -1, -9, -10, 123456, math.MaxInt32, math.MinInt32} {
		assert.Equal(t, len(strconv.Itoa(int(v))), digits(v), "%d", v)
	}
}
