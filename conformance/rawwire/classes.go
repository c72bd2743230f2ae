package rawwire

// Classes label generated requests; reports are kept per class × target.
const (
	ClassValid           = "raw/valid"            // a plain valid POST, members in any order
	ClassDurationText    = "raw/duration-text"    // DurationSeconds as non-integer or odd text
	ClassDuplicate       = "raw/duplicate-member" // a member sent more than once
	ClassUnknown         = "raw/unknown-member"   // members the model does not have
	ClassMissingAction   = "raw/missing-action"   // no Action, or an empty one
	ClassWrongAction     = "raw/wrong-action"     // another, misspelt or lowercase Action
	ClassVersion         = "raw/version"          // Version missing, empty or another
	ClassBadEncoding     = "raw/bad-encoding"     // %zz, a trailing %, …
	ClassInvalidUTF8     = "raw/invalid-utf8"     // %ff%fe, raw 0xff bytes, overlong forms
	ClassOversized       = "raw/oversized"        // a body over 1 MiB
	ClassGet             = "raw/get"              // GET with a query string
	ClassContentType     = "raw/content-type"     // wrong, odd or missing Content-Type
	awsUnverified        = "UNVERIFIED: no recording of real STS answering such requests (sts-facts §4.4, §4.5, §9 q3/q6)"
	awsInferredValid     = "CONFIRMED: STS accepts both form Content-Types and any member order (sts-facts §2.1)"
	awsConfirmedGet      = "CONFIRMED that STS accepts GET (sts-facts §2.1); its answers to odd GETs are UNVERIFIED"
	awsInferredBadAction = "INFERRED: unknown actions get 400 InvalidAction on Coral awsQuery services (sts-facts §2.4); lowercase and missing Action UNVERIFIED"
)

// Classes lists every class, in report order.
func Classes() []string {
	return []string{ClassValid, ClassDurationText, ClassDuplicate, ClassUnknown, ClassMissingAction,
		ClassWrongAction, ClassVersion, ClassBadEncoding, ClassInvalidUTF8, ClassOversized, ClassGet, ClassContentType}
}

// AWSEvidence says what is known of AWS's own answers in a class.
func AWSEvidence(class string) string {
	switch class {
	case ClassValid:
		return awsInferredValid
	case ClassGet:
		return awsConfirmedGet
	case ClassWrongAction, ClassMissingAction:
		return awsInferredBadAction
	}
	return awsUnverified
}
