/**
 * Eligibility: the people social workers support, kept pseudonymous (a file reference of the social
 * structure, household size and postal code — never a name or a copy of a proof), the decisions
 * taken on them under versioned rules, the quotas those rules set, and the retention job that
 * anonymises a person 24 months after the last contact.
 */
package fr.secondevie.eligibility;
