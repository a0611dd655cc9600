import { createRoot } from 'react-dom/client';
import { Checkout } from './pages/Checkout';
import { SignIn } from './pages/SignIn';
import './styles/checkout.css';

const page = window.location.pathname === '/sign-in' ? <SignIn /> : <Checkout />;
createRoot(document.getElementById('root')!).render(page);
