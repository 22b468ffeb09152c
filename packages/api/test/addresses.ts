// Valid addresses for tests: a German one (no province) and a US one (a state is required).
export const BERLIN = {
  firstName: "Lena",
  lastName: "Vogel",
  address1: "Torstraße 1",
  city: "Berlin",
  zip: "10115",
  countryCode: "DE",
};
export const AUSTIN = {
  lastName: "Rivera",
  address1: "1 Congress Ave",
  city: "Austin",
  provinceCode: "TX",
  zip: "78701",
  countryCode: "US",
};

export const ADDRESS_CREATE = `mutation($input: ViewerAddressCreateInput!) {
  viewerAddressCreate(input: $input) { address { id isDefault address { firstName lastName address1 city provinceCode zip countryCode formatted } } userErrors { code field message } }
}`;
