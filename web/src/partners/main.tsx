import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../styles.css';
import { PartnersApp } from './PartnersApp';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PartnersApp />
  </StrictMode>,
);
