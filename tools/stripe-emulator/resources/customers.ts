import type Stripe from "stripe";

import type { Emulator } from "../lib/emulator";
import { newId } from "../lib/ids";
import { paginate, readListQuery } from "../lib/list";
import { getOr404 } from "../lib/lookup";
import { applyMetadata, type Params } from "../lib/params";
import { route } from "../lib/router";
import { attachPaymentMethod, resolvePaymentMethod } from "./payment-methods";

function readCustomerInput(p: Params, creating: boolean) {
  const input = {
    email: p.string("email", { maxLength: 512 }),
    name: p.string("name", { maxLength: 256 }),
    phone: p.string("phone", { maxLength: 20 }),
    description: p.string("description"),
    paymentMethod: creating ? p.string("payment_method") : undefined,
    metadata: p.metadata(),
  };
  p.ignore("address", "shipping", "invoice_settings", "preferred_locales", "tax", "tax_exempt", "tax_id_data");
  return input;
}

type CustomerInput = ReturnType<typeof readCustomerInput>;

function applyCustomerInput(customer: Stripe.Customer, input: CustomerInput): void {
  if (input.email !== undefined) customer.email = input.email || null;
  if (input.name !== undefined) customer.name = input.name || null;
  if (input.phone !== undefined) customer.phone = input.phone || null;
  if (input.description !== undefined) customer.description = input.description || null;
  customer.metadata = applyMetadata(customer.metadata, input.metadata);
}

export function getCustomer(emu: Emulator, id: string, param = "customer"): Stripe.Customer {
  return getOr404(emu.state.customers, id, "customer", param);
}

export const customerRoutes = [
  route({
    method: "POST",
    path: "/v1/customers",
    parse: (p) => readCustomerInput(p, true),
    run: (input, { emu }) => {
      const paymentMethod = input.paymentMethod ? resolvePaymentMethod(emu, input.paymentMethod) : null;
      const customer: Stripe.Customer = {
        id: newId("cus"),
        object: "customer",
        address: null,
        balance: 0,
        created: emu.now(),
        currency: null,
        default_source: null,
        delinquent: false,
        description: null,
        email: null,
        invoice_prefix: null,
        invoice_settings: { custom_fields: null, default_payment_method: null, footer: null, rendering_options: null },
        livemode: false,
        metadata: {},
        name: null,
        phone: null,
        preferred_locales: [],
        shipping: null,
        tax_exempt: "none",
        test_clock: null,
      };
      applyCustomerInput(customer, input);
      emu.state.customers[customer.id] = customer;
      emu.emit("customer.created", customer);
      if (paymentMethod) attachPaymentMethod(emu, paymentMethod, customer.id);
      return customer;
    },
  }),
  route({
    method: "GET",
    path: "/v1/customers",
    parse: (p) => ({ query: readListQuery(p), email: p.string("email") }),
    run: ({ query, email }, { emu }) =>
      paginate(
        Object.values(emu.state.customers).filter((c) => email === undefined || c.email === email),
        query,
        "/v1/customers",
      ),
  }),
  route({
    method: "GET",
    path: "/v1/customers/:id",
    parse: () => null,
    run: (_, { emu, path }) => getCustomer(emu, path.id, "id"),
  }),
  route({
    method: "POST",
    path: "/v1/customers/:id",
    parse: (p) => readCustomerInput(p, false),
    run: (input, { emu, path }) => {
      const customer = getCustomer(emu, path.id, "id");
      applyCustomerInput(customer, input);
      emu.emit("customer.updated", customer);
      return customer;
    },
  }),
  route({
    method: "DELETE",
    path: "/v1/customers/:id",
    parse: () => null,
    run: (_, { emu, path }) => {
      const customer = getCustomer(emu, path.id, "id");
      delete emu.state.customers[customer.id];
      emu.emit("customer.deleted", customer);
      return { id: customer.id, object: "customer", deleted: true };
    },
  }),
];
