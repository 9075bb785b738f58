import { createContext, useContext } from "react";

/** The CSP nonce of this response (server only; browsers hide nonces from scripts anyway). */
export const NonceContext = createContext("");
export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
