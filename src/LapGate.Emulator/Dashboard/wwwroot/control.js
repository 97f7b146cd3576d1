// POSTs to the emulator's API from the pages. When the emulator runs with --control-token, a change answers 401:
// the page then asks for the token once, keeps it in this browser (localStorage) and sends it from then on.
const key = "lapgate.controlToken";

// Every change is sent as JSON, even without a body: the emulator answers 415 to anything else (a form or text/plain
// post from another site's page needs no CORS preflight, so only JSON proves the request came from these pages).
function headers() {
  const result = { "Content-Type": "application/json" };
  const token = localStorage.getItem(key);
  if (token) {
    result.Authorization = `Bearer ${token}`;
  }
  return result;
}

export async function post(path, body) {
  const init = () => ({ method: "POST", headers: headers(), body: body === undefined ? undefined : JSON.stringify(body) });
  let response = await fetch(path, init());
  if (response.status === 401) {
    const token = window.prompt("This emulator needs its control token to change anything (lapgate emulate --control-token):");
    if (token) {
      localStorage.setItem(key, token.trim());
      response = await fetch(path, init());
    }
    if (response.status === 401) {
      localStorage.removeItem(key);
    }
  }
  return response;
}
