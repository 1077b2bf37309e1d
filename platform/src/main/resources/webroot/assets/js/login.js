import { api, sessions } from './api.js';
import { showError, replace } from './ui.js';

const form = document.getElementById('sign-in');
const message = document.getElementById('message');

function landing(role) {
  return role === 'author' ? '/author' : '/manage';
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  replace(message);
  const button = document.getElementById('submit');
  button.disabled = true;
  try {
    const { data } = await api('POST', '/api/v1/sessions', {
      body: { email: form.email.value, password: form.password.value },
    });
    sessions.saveStaff(data);
    location.assign(landing(data.account.role));
  } catch (error) {
    showError(message, error);
    button.disabled = false;
    form.password.focus();
  }
});
