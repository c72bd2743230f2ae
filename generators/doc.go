// Package generators draws GetSessionToken inputs for the conformance suite
// with rapid (pgregory.net/rapid).
//
// Every input member (DurationSeconds, SerialNumber, TokenCode,
// MinimumSessionTokenSize) is drawn in one of several flavours:
//
//   - valid: satisfies every constraint of the member in the AWS model
//     (integers within [min,max]; strings with a length in [min,max] made
//     only of the pattern's ASCII alphabet), sometimes in realistic shapes
//     such as an MFA device ARN or a hardware token serial;
//   - invalid:min, invalid:max, invalid:pattern: breaks exactly that one
//     constraint and keeps the others (a value or length out of range with a
//     valid alphabet; a valid length with at least one ASCII character
//     outside the pattern);
//   - boundary: exactly min-1, min, max or max+1 (the value of an integer,
//     the length of a string with a valid alphabet);
//   - hostile: non-ASCII letters and digits, astral characters, whitespace,
//     NUL, XML and URL metacharacters, strings thousands of characters long;
//     for integers the extreme int32 values;
//   - absent: the member is not sent;
//   - device (SerialNumber) and totp (TokenCode): the serial of
//     call.DefaultDevice and its current TOTP code, for the MFA paths.
//
// Bounds come from the vendored AWS model (package model) and the string
// alphabets are derived from the model's patterns, so no constraint is typed
// twice.
//
// Each drawn value carries a class label such as "SerialNumber/hostile".
// Labels only group the report: the outcome a case should have is decided
// by the oracle from the values themselves, never from a label. A hostile
// string may even be valid, and a boundary value is valid or not depending
// on which side of the bound it lies.
//
// Cases combines one draw per member with a caller into a whole input.
package generators
