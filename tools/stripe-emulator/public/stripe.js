/*
 * Stripe.js stand-in, served by the Stripe emulator at /v3/stripe.js.
 *
 * Defines window.Stripe(publishableKey) with the part of Stripe.js that a checkout built on
 * @stripe/react-stripe-js uses: elements() with a "payment" (or "card") Element rendered as a
 * plain, labelled card form in the host page, createPaymentMethod, confirmPayment,
 * confirmCardPayment, retrievePaymentIntent and handleNextAction. 3D Secure opens the
 * emulator's challenge page in a modal frame. API calls go to the emulator this script was
 * loaded from, with the publishable key as a form parameter, as Stripe.js does.
 */
(function () {
  "use strict";

  if (window.Stripe && window.Stripe.emulator) return;

  var script = document.currentScript;
  var ORIGIN = new URL(script && script.src ? script.src : "/", window.location.href).origin;
  var API = ORIGIN + "/v1";
  var THREE_D_SECURE_MESSAGE = "stripe-emulator:three-d-secure-complete";
  var SUCCESS_STATUSES = ["succeeded", "processing", "requires_capture"];
  var uid = 0;

  function integrationError(message) {
    var error = new Error(message);
    error.name = "IntegrationError";
    return error;
  }

  function encode(value, prefix, pairs) {
    if (value === undefined || value === null) return pairs;
    if (typeof value === "object") {
      Object.keys(value).forEach(function (key) {
        encode(value[key], prefix ? prefix + "[" + key + "]" : key, pairs);
      });
    } else {
      pairs.push(encodeURIComponent(prefix) + "=" + encodeURIComponent(String(value)));
    }
    return pairs;
  }

  /** Resolves { body } or { error }, never rejects: Stripe.js reports failures as values. */
  function call(key, method, path, params) {
    var query = encode(Object.assign({ key: key }, params || {}), "", []).join("&");
    var url = API + path;
    var init = { method: method };
    if (method === "GET") url += "?" + query;
    else {
      init.body = query;
      init.headers = { "Content-Type": "application/x-www-form-urlencoded" };
    }
    return fetch(url, init)
      .then(function (res) {
        return res.json();
      })
      .then(function (json) {
        return json.error ? { error: json.error } : { body: json };
      })
      .catch(function () {
        return { error: { type: "api_connection_error", message: "Could not reach the Stripe emulator at " + ORIGIN + "." } };
      });
  }

  function intentId(clientSecret) {
    if (typeof clientSecret !== "string" || clientSecret.indexOf("_secret_") === -1) {
      throw integrationError("Invalid value for clientSecret: expected a PaymentIntent client secret (pi_..._secret_...).");
    }
    return clientSecret.split("_secret_")[0];
  }

  function luhnValid(number) {
    if (!/^\d{12,19}$/.test(number)) return false;
    var sum = 0;
    for (var i = 0; i < number.length; i++) {
      var digit = Number(number.charAt(number.length - 1 - i));
      if (i % 2 === 1) {
        digit *= 2;
        if (digit > 9) digit -= 9;
      }
      sum += digit;
    }
    return sum % 10 === 0;
  }

  function brandOf(number) {
    if (/^4/.test(number)) return "visa";
    if (/^(5[1-5]|2[2-7])/.test(number)) return "mastercard";
    if (/^3[47]/.test(number)) return "amex";
    if (/^(6011|65)/.test(number)) return "discover";
    return "unknown";
  }

  function validationError(code, message) {
    return { type: "validation_error", code: code, message: message };
  }

  // ---------------------------------------------------------------- the card form Element

  function CardForm(group, type, options) {
    this._group = group;
    this._type = type;
    this._options = options || {};
    this._handlers = {};
    this._root = null;
    this._inputs = null;
    this._touched = false;
  }

  CardForm.prototype.on = function (event, handler) {
    (this._handlers[event] = this._handlers[event] || []).push(handler);
    return this;
  };

  CardForm.prototype.off = function (event, handler) {
    var list = this._handlers[event] || [];
    this._handlers[event] = handler ? list.filter(function (h) { return h !== handler; }) : [];
    return this;
  };

  CardForm.prototype.once = function (event, handler) {
    var self = this;
    function wrapped(payload) {
      self.off(event, wrapped);
      handler(payload);
    }
    return this.on(event, wrapped);
  };

  CardForm.prototype._emit = function (event, payload) {
    (this._handlers[event] || []).slice().forEach(function (handler) {
      handler(payload);
    });
  };

  CardForm.prototype.mount = function (target) {
    var node = typeof target === "string" ? document.querySelector(target) : target;
    if (!node || !node.appendChild) throw integrationError("The selector you specified (" + target + ") applies to no DOM elements that are currently on the page.");
    if (this._root) throw integrationError("This Element is already mounted. Use `unmount()` first.");
    var id = "stripe-emulator-" + ++uid;
    var root = document.createElement("div");
    root.setAttribute("role", "group");
    root.setAttribute("aria-label", "Card details");
    root.className = "StripeElement StripeEmulatorCardForm";
    root.innerHTML =
      '<div style="display:grid;gap:8px;font:inherit">' +
      '<div><label for="' + id + '-number" style="display:block;margin-bottom:4px">Card number</label>' +
      '<input id="' + id + '-number" name="cardnumber" autocomplete="cc-number" inputmode="numeric" placeholder="1234 1234 1234 1234" aria-describedby="' + id + '-error" style="width:100%;box-sizing:border-box;padding:8px"></div>' +
      '<div style="display:grid;grid-template-columns:1fr 1fr;gap:8px">' +
      '<div><label for="' + id + '-expiry" style="display:block;margin-bottom:4px">Expiration date (MM / YY)</label>' +
      '<input id="' + id + '-expiry" name="exp-date" autocomplete="cc-exp" inputmode="numeric" placeholder="MM / YY" aria-describedby="' + id + '-error" style="width:100%;box-sizing:border-box;padding:8px"></div>' +
      '<div><label for="' + id + '-cvc" style="display:block;margin-bottom:4px">Security code</label>' +
      '<input id="' + id + '-cvc" name="cvc" autocomplete="cc-csc" inputmode="numeric" placeholder="CVC" aria-describedby="' + id + '-error" style="width:100%;box-sizing:border-box;padding:8px"></div>' +
      "</div>" +
      '<p id="' + id + '-error" role="alert" style="color:#df1b41;margin:0;min-height:1.2em"></p>' +
      '<p style="color:#697386;font-size:.85em;margin:0">Test mode (Stripe emulator): use 4242 4242 4242 4242, any future date and any CVC.</p>' +
      "</div>";
    node.appendChild(root);
    this._root = root;
    this._inputs = {
      number: root.querySelector("#" + id + "-number"),
      expiry: root.querySelector("#" + id + "-expiry"),
      cvc: root.querySelector("#" + id + "-cvc"),
      error: root.querySelector("#" + id + "-error"),
    };
    var self = this;
    var inputs = this._inputs;
    inputs.number.addEventListener("input", function () {
      var digits = inputs.number.value.replace(/\D/g, "").slice(0, 19);
      inputs.number.value = digits.replace(/(\d{4})(?=\d)/g, "$1 ");
      self._changed();
    });
    inputs.expiry.addEventListener("input", function () {
      var digits = inputs.expiry.value.replace(/\D/g, "").slice(0, 4);
      inputs.expiry.value = digits.length > 2 ? digits.slice(0, 2) + " / " + digits.slice(2) : digits;
      self._changed();
    });
    inputs.cvc.addEventListener("input", function () {
      inputs.cvc.value = inputs.cvc.value.replace(/\D/g, "").slice(0, 4);
      self._changed();
    });
    [inputs.number, inputs.expiry, inputs.cvc].forEach(function (input) {
      input.addEventListener("focus", function () {
        self._emit("focus", { elementType: self._type });
      });
      input.addEventListener("blur", function () {
        self._touched = true;
        self._showError(self._validate());
        self._emit("blur", { elementType: self._type });
      });
    });
    setTimeout(function () {
      if (self._root) self._emit("ready", { elementType: self._type });
    }, 0);
  };

  CardForm.prototype._values = function () {
    var inputs = this._inputs;
    var expiry = inputs ? inputs.expiry.value.replace(/\D/g, "") : "";
    return {
      number: inputs ? inputs.number.value.replace(/\D/g, "") : "",
      expMonth: expiry.slice(0, 2),
      expYear: expiry.slice(2, 4),
      cvc: inputs ? inputs.cvc.value : "",
    };
  };

  CardForm.prototype._validate = function () {
    var v = this._values();
    if (!this._inputs) return validationError("incomplete", "The payment form is not mounted.");
    var brand = brandOf(v.number);
    var expectedLength = brand === "amex" ? 15 : brand === "unknown" ? 12 : 16;
    if (v.number.length < expectedLength) return validationError("incomplete_number", "Your card number is incomplete.");
    if (!luhnValid(v.number)) return validationError("invalid_number", "Your card number is invalid.");
    if (v.expMonth.length < 2 || v.expYear.length < 2) return validationError("incomplete_expiry", "Your card's expiration date is incomplete.");
    var month = Number(v.expMonth);
    var year = 2000 + Number(v.expYear);
    var now = new Date();
    if (month < 1 || month > 12) return validationError("invalid_expiry_month", "Your card's expiration date is invalid.");
    if (year < now.getFullYear() || (year === now.getFullYear() && month < now.getMonth() + 1)) {
      return validationError("invalid_expiry_year_past", "Your card's expiration year is in the past.");
    }
    if (v.cvc.length < 3) return validationError("incomplete_cvc", "Your card's security code is incomplete.");
    return null;
  };

  CardForm.prototype._showError = function (error) {
    if (!this._inputs) return;
    this._inputs.error.textContent = error ? error.message : "";
    var field = error ? (/number/.test(error.code) ? "number" : /expiry/.test(error.code) ? "expiry" : /cvc/.test(error.code) ? "cvc" : null) : null;
    var inputs = this._inputs;
    ["number", "expiry", "cvc"].forEach(function (name) {
      if (name === field) inputs[name].setAttribute("aria-invalid", "true");
      else inputs[name].removeAttribute("aria-invalid");
    });
  };

  CardForm.prototype._changed = function () {
    var v = this._values();
    var error = this._validate();
    var empty = !v.number && !v.expMonth && !v.cvc;
    // Like Stripe.js: an error shows once the customer has left a field, not on every keystroke.
    if (this._touched || !error) this._showError(this._touched ? error : null);
    var payload = { elementType: this._type, empty: empty, complete: !error };
    if (this._type === "payment") {
      payload.collapsed = false;
      payload.value = { type: "card" };
    } else {
      payload.brand = brandOf(v.number);
      payload.error = this._touched && error ? error : undefined;
    }
    this._emit("change", payload);
  };

  CardForm.prototype._card = function () {
    var v = this._values();
    return { number: v.number, exp_month: v.expMonth, exp_year: v.expYear, cvc: v.cvc };
  };

  CardForm.prototype.update = function (options) {
    Object.assign(this._options, options || {});
  };

  CardForm.prototype.focus = function () {
    if (this._inputs) this._inputs.number.focus();
  };

  CardForm.prototype.blur = function () {
    if (this._inputs && this._root.contains(document.activeElement)) document.activeElement.blur();
  };

  CardForm.prototype.clear = function () {
    if (!this._inputs) return;
    this._inputs.number.value = this._inputs.expiry.value = this._inputs.cvc.value = "";
    this._touched = false;
    this._changed();
  };

  CardForm.prototype.collapse = function () {};

  CardForm.prototype.unmount = function () {
    if (this._root && this._root.parentNode) this._root.parentNode.removeChild(this._root);
    this._root = null;
    this._inputs = null;
  };

  CardForm.prototype.destroy = function () {
    this.unmount();
    this._handlers = {};
    if (this._group._elements[this._type] === this) delete this._group._elements[this._type];
  };

  // ---------------------------------------------------------------- the Elements group

  function Elements(stripe, options) {
    this._stripe = stripe;
    this._options = Object.assign({}, options || {});
    this._elements = {};
  }

  Elements.prototype.create = function (type, options) {
    if (type !== "payment" && type !== "card") {
      throw integrationError("The Stripe emulator's Stripe.js supports only the 'payment' and 'card' Elements, not '" + type + "'.");
    }
    if (this._elements[type]) throw integrationError("Can only create one Element of type " + type + ".");
    var element = new CardForm(this, type, options);
    this._elements[type] = element;
    return element;
  };

  Elements.prototype.getElement = function (type) {
    return this._elements[type] || null;
  };

  Elements.prototype.update = function (options) {
    var next = Object.assign({}, options || {});
    delete next.clientSecret;
    Object.assign(this._options, next);
  };

  Elements.prototype.fetchUpdates = function () {
    return Promise.resolve({});
  };

  Elements.prototype._cardElement = function () {
    return this._elements.payment || this._elements.card || null;
  };

  Elements.prototype.submit = function () {
    var element = this._cardElement();
    if (!element) return Promise.resolve({ error: validationError("incomplete", "No payment Element is mounted.") });
    element._touched = true;
    var error = element._validate();
    element._showError(error);
    return Promise.resolve(error ? { error: error } : { selectedPaymentMethod: "card" });
  };

  // ---------------------------------------------------------------- the Stripe object

  function StripeInstance(key, options) {
    this._key = key;
    this._options = options || {};
  }

  StripeInstance.prototype.elements = function (options) {
    return new Elements(this, options);
  };

  StripeInstance.prototype.registerAppInfo = function () {};
  StripeInstance.prototype._registerWrapper = function () {};

  StripeInstance.prototype.createToken = function () {
    return Promise.resolve({ error: { type: "invalid_request_error", message: "The Stripe emulator does not emulate Tokens; use PaymentMethods." } });
  };

  StripeInstance.prototype._createPaymentMethod = function (element, billingDetails) {
    element._touched = true;
    var error = element._validate();
    element._showError(error);
    if (error) return Promise.resolve({ error: error });
    return call(this._key, "POST", "/payment_methods", { type: "card", card: element._card(), billing_details: billingDetails }).then(function (r) {
      return r.error ? { error: r.error } : { paymentMethod: r.body };
    });
  };

  StripeInstance.prototype.createPaymentMethod = function (options) {
    options = options || {};
    if (options.elements) {
      var element = options.elements._cardElement();
      if (!element) throw integrationError("createPaymentMethod: the Elements group has no payment Element.");
      return this._createPaymentMethod(element, (options.params || {}).billing_details);
    }
    if (!options.card || !options.card._validate) throw integrationError("createPaymentMethod: pass { elements } or { type: 'card', card: cardElement }.");
    return this._createPaymentMethod(options.card, options.billing_details);
  };

  StripeInstance.prototype.retrievePaymentIntent = function (clientSecret) {
    return call(this._key, "GET", "/payment_intents/" + intentId(clientSecret), { client_secret: clientSecret }).then(function (r) {
      return r.error ? { error: r.error } : { paymentIntent: r.body };
    });
  };

  /** Shows the 3D Secure challenge in a modal frame; resolves once the page reports back. */
  function challenge(url, paymentIntentId) {
    return new Promise(function (resolve) {
      var overlay = document.createElement("div");
      overlay.setAttribute("role", "dialog");
      overlay.setAttribute("aria-modal", "true");
      overlay.setAttribute("aria-label", "Authenticate your payment");
      overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;background:rgba(0,0,0,.5);display:flex;align-items:center;justify-content:center";
      var frame = document.createElement("iframe");
      frame.title = "3D Secure authentication";
      frame.src = url + (url.indexOf("?") === -1 ? "?" : "&") + "embedded=1";
      frame.style.cssText = "width:min(500px,95vw);height:min(600px,90vh);border:0;border-radius:8px;background:#fff";
      overlay.appendChild(frame);
      document.body.appendChild(overlay);
      function onMessage(event) {
        if (event.origin !== ORIGIN || !event.data || event.data.type !== THREE_D_SECURE_MESSAGE || event.data.paymentIntent !== paymentIntentId) return;
        window.removeEventListener("message", onMessage);
        overlay.parentNode.removeChild(overlay);
        resolve();
      }
      window.addEventListener("message", onMessage);
    });
  }

  StripeInstance.prototype._handleActions = function (paymentIntent, clientSecret) {
    if (paymentIntent.status !== "requires_action" || !paymentIntent.next_action) return Promise.resolve({ paymentIntent: paymentIntent });
    var action = paymentIntent.next_action;
    var url = action.use_stripe_sdk ? action.use_stripe_sdk.stripe_js : action.redirect_to_url && action.redirect_to_url.url;
    if (!url) return Promise.resolve({ paymentIntent: paymentIntent });
    var self = this;
    return challenge(url, paymentIntent.id).then(function () {
      return self.retrievePaymentIntent(clientSecret);
    });
  };

  /** A settled PaymentIntent as Stripe.js reports it: a failed attempt is an error. */
  function outcome(result) {
    if (result.error) return result;
    var pi = result.paymentIntent;
    if (pi.status === "requires_payment_method" && pi.last_payment_error) {
      return { error: Object.assign({}, pi.last_payment_error, { payment_intent: pi }) };
    }
    return result;
  }

  StripeInstance.prototype._confirm = function (clientSecret, params, handleActions) {
    var self = this;
    var body = Object.assign({ client_secret: clientSecret, use_stripe_sdk: "true" }, params);
    return call(this._key, "POST", "/payment_intents/" + intentId(clientSecret) + "/confirm", body).then(function (r) {
      if (r.error) return { error: r.error };
      return handleActions === false ? { paymentIntent: r.body } : self._handleActions(r.body, clientSecret).then(outcome);
    });
  };

  StripeInstance.prototype.confirmPayment = function (options) {
    options = options || {};
    var elements = options.elements;
    if (!elements || !elements._cardElement) throw integrationError("confirmPayment: `elements` must be the Elements group the Payment Element was created from.");
    var clientSecret = options.clientSecret || elements._options.clientSecret;
    intentId(clientSecret);
    var confirmParams = options.confirmParams || {};
    var redirect = options.redirect || "always";
    if (redirect !== "if_required" && !confirmParams.return_url) throw integrationError("confirmPayment: confirmParams.return_url is required unless redirect is 'if_required'.");
    var element = elements._cardElement();
    if (!element) throw integrationError("confirmPayment: the Elements group has no payment Element.");
    var self = this;
    var billing = confirmParams.payment_method_data && confirmParams.payment_method_data.billing_details;
    return this._createPaymentMethod(element, billing).then(function (created) {
      if (created.error) return created;
      var params = { payment_method: created.paymentMethod.id, return_url: confirmParams.return_url, receipt_email: confirmParams.receipt_email };
      return self._confirm(clientSecret, params).then(function (result) {
        if (result.error || redirect === "if_required" || SUCCESS_STATUSES.indexOf(result.paymentIntent.status) === -1) return result;
        // As Stripe.js does after a successful payment with redirect "always": go to return_url.
        var target = new URL(confirmParams.return_url, window.location.href);
        target.searchParams.set("payment_intent", result.paymentIntent.id);
        target.searchParams.set("payment_intent_client_secret", clientSecret);
        target.searchParams.set("redirect_status", "succeeded");
        window.location.assign(target.toString());
        return new Promise(function () {});
      });
    });
  };

  StripeInstance.prototype.confirmCardPayment = function (clientSecret, data, options) {
    data = data || {};
    var handleActions = !options || options.handleActions !== false;
    var self = this;
    var method = data.payment_method;
    var paymentMethod =
      method && typeof method === "object" && method.card
        ? this._createPaymentMethod(method.card, method.billing_details)
        : Promise.resolve(method ? { paymentMethod: { id: method } } : {});
    return paymentMethod.then(function (created) {
      if (created.error) return created;
      var params = { return_url: data.return_url, receipt_email: data.receipt_email };
      if (created.paymentMethod) params.payment_method = created.paymentMethod.id;
      return self._confirm(clientSecret, params, handleActions);
    });
  };

  StripeInstance.prototype.handleNextAction = function (options) {
    var clientSecret = (options || {}).clientSecret;
    var self = this;
    return this.retrievePaymentIntent(clientSecret).then(function (result) {
      return result.error ? result : self._handleActions(result.paymentIntent, clientSecret).then(outcome);
    });
  };

  StripeInstance.prototype.handleCardAction = function (clientSecret) {
    return this.handleNextAction({ clientSecret: clientSecret });
  };

  function Stripe(key, options) {
    if (typeof key !== "string" || !/^pk_(test|live)_/.test(key)) {
      throw integrationError("Invalid value for Stripe(): apiKey should be a publishable key (pk_test_...). You passed: " + String(key) + ".");
    }
    return new StripeInstance(key, options);
  }
  // @stripe/stripe-js compares this with the release it expects and warns on a mismatch.
  Stripe.version = "endive";
  Stripe.emulator = ORIGIN;

  window.Stripe = Stripe;
})();
